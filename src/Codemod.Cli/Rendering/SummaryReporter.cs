using System.Globalization;
using Codemod.Core.Apply;
using Codemod.Core.Changes;

namespace Codemod.Cli.Rendering;

/// <summary>The human summary of a run on stderr: counts, skipped files by reason, failures and review items with locations.</summary>
internal static class SummaryReporter
{
    private const int ListedPerSection = 50;

    public static void Write(TextWriter error, ChangeSet changes, Paint paint, ApplyResult? applied = null)
    {
        var t = changes.Totals;
        var seconds = changes.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
        error.WriteLine(paint.Bold($"{changes.Codemod} {changes.CodemodVersion}") +
            $": {t.Found} files found, {t.NotApplicable} prefiltered out, {t.Parsed} parsed, " +
            paint.Green($"{t.Changed} changed") + $" ({t.Changes} rewrites), {t.Skipped} skipped, " +
            (t.Failed > 0 ? paint.Red($"{t.Failed} failed") : "0 failed") + (t.TimedOut > 0 ? paint.Red($" ({t.TimedOut} timed out)") : string.Empty) + ", " +
            (t.Reviews > 0 ? paint.Yellow($"{t.Reviews} review items") : "0 review items") +
            (t.Suppressed > 0 ? $", {t.Suppressed} suppressed" : string.Empty) + $" in {seconds} s");

        foreach (var (reason, count) in t.SkippedByReason)
        {
            error.WriteLine($"  skipped ({count}): {reason}");
        }

        Section(error, paint.Dim("skipped"), changes.Files.Where(f => f.Kind == OutcomeKind.Skipped), f => $"{f.Path}: {f.Reason}");
        Section(error, paint.Red("timed out"), changes.Files.Where(f => f.Kind == OutcomeKind.Failed && f.TimedOut), f => $"{f.Path}: {f.Reason}");
        Section(error, paint.Red("failed"), changes.Files.Where(f => f.Kind == OutcomeKind.Failed && !f.TimedOut), f => $"{f.Path}{(f.Line is { } l ? $":{l}" : string.Empty)}: {f.Reason}");
        Section(error, paint.Yellow("review"), changes.Files.SelectMany(f => f.Reviews.Select(r => (f, r))), x => $"{x.f.Path}:{x.r.Line}: [{x.r.Kind}] {x.r.Message}");

        if (applied is not null)
        {
            foreach (var refused in applied.Refused)
            {
                error.WriteLine(paint.Red("  not written: ") + $"{refused.Path}: {refused.Reason}");
            }

            error.WriteLine(applied.Succeeded
                ? paint.Green($"wrote {applied.Written.Count} file(s)")
                : paint.Red($"nothing written: {applied.Error}"));
        }
    }

    private static void Section<T>(TextWriter error, string label, IEnumerable<T> items, Func<T, string> describe)
    {
        var list = items.ToList();
        foreach (var item in list.Take(ListedPerSection))
        {
            error.WriteLine($"  {label} {describe(item)}");
        }

        if (list.Count > ListedPerSection)
        {
            error.WriteLine($"  {label} … and {list.Count - ListedPerSection} more (see --format json)");
        }
    }
}
