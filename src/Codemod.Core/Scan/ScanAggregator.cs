using Codemod.Core.Scan.Checks;

namespace Codemod.Core.Scan;

/// <summary>Turns per-file scans into a <see cref="ScanReport"/>: runs every registered check over the facts of all files. Pure.</summary>
public static class ScanAggregator
{
    public static ScanReport Aggregate(IReadOnlyList<FileScan> files, DateOnly today) => Aggregate(files, today, ScanCatalogue.Default);

    /// <summary>Runs the checks of <paramref name="catalogue"/>; the report lists its rules in its order.</summary>
    public static ScanReport Aggregate(IReadOnlyList<FileScan> files, DateOnly today, ScanCatalogue catalogue)
    {
        var sorted = files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        var input = new ScanInput([.. sorted.Where(f => f.Facts is not null).Select(f => (f.Path, f.Facts!))], today);
        var findings = catalogue.Checks
            .SelectMany(c => c.Find(input))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ThenBy(f => f.Line)
            .ThenBy(f => f.Column ?? -1)
            .ThenBy(f => ScanRules.IndexOf(catalogue.Rules, f.Rule))
            .ThenBy(f => f.Message, StringComparer.Ordinal)
            .ToList();
        var totals = catalogue.Rules.Select(rule =>
        {
            var own = findings.Where(f => f.Rule == rule.Id).ToList();
            var groups = own.Where(f => f.Group is not null).Select(f => f.Group).Distinct(StringComparer.Ordinal).Count();
            return new RuleTotal(rule, own.Count, own.Count(f => !f.InTest), own.Count(f => f.InTest), groups);
        }).ToList();
        return new ScanReport(
            today,
            FilesFound: sorted.Count,
            FilesScanned: input.Files.Count,
            findings,
            totals,
            Failed: [.. sorted.Where(f => f.Kind == ScanOutcomeKind.Failed)],
            Skipped: [.. sorted.Where(f => f.Kind == ScanOutcomeKind.Skipped)]);
    }
}
