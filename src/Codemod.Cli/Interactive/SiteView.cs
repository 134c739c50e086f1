using System.Globalization;
using Codemod.Cli.Rendering;
using Codemod.Core.Changes;
using Codemod.Core.Diff;

namespace Codemod.Cli.Interactive;

/// <summary>Writes what a reviewer needs to decide: a file's heading, one site with the hunks around its line, review items.</summary>
internal static class SiteView
{
    public static void WriteFile(TextWriter output, Paint paint, FileOutcome file, IReadOnlyList<DiffHunk> hunks, IReadOnlyList<ChangeRecord> sites)
    {
        output.WriteLine();
        output.WriteLine(paint.Bold($"{file.Path}: {Count(sites.Count, "rewrite site")}"));
        var elsewhere = hunks.Where(h => !sites.Any(s => h.Covers(s.Line))).ToList();
        if (elsewhere.Count > 0)
        {
            output.WriteLine(paint.Dim("  changes outside the sites (imports): they follow the sites you keep, and go away when you reject them all"));
            foreach (var hunk in elsewhere)
            {
                WriteHunk(output, paint, hunk, null);
            }
        }
    }

    public static void WriteSite(TextWriter output, Paint paint, FileOutcome file, IReadOnlyList<DiffHunk> hunks, ChangeRecord site, int index, int count)
    {
        output.WriteLine();
        output.WriteLine(paint.Cyan($"({index}/{count}) {file.Path}:{site.Line}") + $" [{site.Kind}] {site.Message}");
        var covering = hunks.Where(h => h.Covers(site.Line)).ToList();
        if (covering.Count == 0)
        {
            output.WriteLine(paint.Dim("  (no line of the diff is at this site: it changes no text by itself)"));
        }

        foreach (var hunk in covering)
        {
            WriteHunk(output, paint, hunk, site.Line);
        }
    }

    public static void WriteReviews(TextWriter output, Paint paint, FileOutcome file)
    {
        foreach (var review in file.Reviews)
        {
            output.WriteLine(paint.Yellow($"review {file.Path}:{review.Line}") + $" [{review.Kind}] {review.Message}");
        }

        if (file.Reviews.Count > 0)
        {
            output.WriteLine(paint.Dim("  left unchanged: rewrite these by hand (or mark the line `# codemod: ignore` to keep it as it is)"));
        }
    }

    private static void WriteHunk(TextWriter output, Paint paint, DiffHunk hunk, int? siteLine)
    {
        output.WriteLine("  " + paint.Cyan(hunk.Header.Text));
        foreach (var (line, old) in hunk.Lines)
        {
            // The site's own line is marked: two sites close together share a hunk.
            var marker = siteLine is { } at && old == at ? ">" : " ";
            var text = UnifiedDiffBuilder.Prefix(line.Kind) + line.Text.TrimEnd('\r');
            output.WriteLine(marker + " " + line.Kind switch
            {
                DiffLineKind.Removed => paint.Red(text),
                DiffLineKind.Added => paint.Green(text),
                DiffLineKind.NoNewline => paint.Dim(text),
                _ => text,
            });
        }
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n.ToString(CultureInfo.InvariantCulture)} {noun}s";
}
