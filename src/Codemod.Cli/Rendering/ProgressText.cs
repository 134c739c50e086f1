using System.Globalization;

namespace Codemod.Cli.Rendering;

/// <summary>The words of a progress display, shared by the live display and the plain lines.</summary>
internal static class ProgressText
{
    /// <summary>Twentieths done (0–20): a plain line is written each time this grows, one per 5 %.</summary>
    public static int Step(int done, int total) => total <= 0 ? 20 : (int)(Math.Min(done, total) * 20L / total);

    public static string Counts(ProgressSnapshot s) => $"{s.Done}/{s.Total} files";

    public static string Rate(ProgressSnapshot s) => s.Rate switch
    {
        null => "- files/s",
        < 10 and var r => r.ToString("0.0", CultureInfo.InvariantCulture) + " files/s",
        var r => r.Value.ToString("0", CultureInfo.InvariantCulture) + " files/s",
    };

    public static string Eta(ProgressSnapshot s) => s.Remaining is { } left ? "ETA " + Duration(left) : "ETA -:--";

    /// <summary>What the files came to so far: "3 changed, 1 failed" (a scan changes nothing: "1 failed").</summary>
    public static string Tally(ProgressSnapshot s, bool changes) =>
        changes ? $"{s.Changed} changed, {s.Failed} failed" : $"{s.Failed} failed";

    /// <summary>One plain line: "preview: 15/300 files (5%), 12.0 files/s, ETA 0:23, 2 changed, 0 failed".</summary>
    public static string Line(string label, ProgressSnapshot s, bool changes) =>
        $"{label}: {Counts(s)} ({s.Percent}%), {Rate(s)}, {Eta(s)}, {Tally(s, changes)}";

    /// <summary>m:ss, or h:mm:ss from an hour on.</summary>
    public static string Duration(TimeSpan span)
    {
        var seconds = (long)Math.Ceiling(Math.Max(0, span.TotalSeconds));
        return seconds >= 3600
            ? string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600}:{seconds / 60 % 60:00}:{seconds % 60:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{seconds / 60}:{seconds % 60:00}");
    }

    /// <summary>A path cut from the left to <paramref name="width"/> characters, so the file name stays visible.</summary>
    public static string Fit(string path, int width) => path.Length <= width || width < 2 ? path : "…" + path[^(width - 1)..];
}
