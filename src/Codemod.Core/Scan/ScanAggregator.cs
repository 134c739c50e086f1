using Codemod.Core.Scan.Checks;

namespace Codemod.Core.Scan;

/// <summary>
/// Turns per-file scans into a <see cref="ScanReport"/>: runs every registered check over the facts of all files, sets
/// aside the findings a <c># codemod: ignore</c> comment suppresses (<see cref="SuppressionIndex"/>), then runs the checks
/// that judge findings (stale-suppression). Pure.
/// </summary>
public static class ScanAggregator
{
    public static ScanReport Aggregate(IReadOnlyList<FileScan> files, DateOnly today) => Aggregate(files, today, ScanCatalogue.Default);

    /// <summary>Runs the checks of <paramref name="catalogue"/>; the report lists its rules in its order.</summary>
    public static ScanReport Aggregate(IReadOnlyList<FileScan> files, DateOnly today, ScanCatalogue catalogue)
    {
        var sorted = files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        var input = new ScanInput([.. sorted.Where(f => f.Facts is not null).Select(f => (f.Path, f.Facts!))], today) { Rules = catalogue.Rules };
        var raw = catalogue.Checks.Where(c => !c.JudgesFindings).SelectMany(c => c.Find(input)).ToList();
        var suppressions = new SuppressionIndex(input);
        var suppressed = suppressions.IsEmpty ? [] : Sort(raw.Where(f => suppressions.Suppressing(f) is not null), catalogue.Rules);
        var kept = suppressed.Count == 0 ? raw : raw.Where(f => suppressions.Suppressing(f) is null);
        var judged = catalogue.Checks.Where(c => c.JudgesFindings).SelectMany(c => c.Find(input with { Findings = raw }));
        var findings = Sort(kept.Concat(judged), catalogue.Rules);
        var totals = catalogue.Rules.Select(rule =>
        {
            var own = findings.Where(f => f.Rule == rule.Id).ToList();
            var groups = own.Where(f => f.Group is not null).Select(f => f.Group).Distinct(StringComparer.Ordinal).Count();
            return new RuleTotal(rule, own.Count, own.Count(f => !f.InTest), own.Count(f => f.InTest), groups)
            {
                Suppressed = suppressed.Count(f => f.Rule == rule.Id),
            };
        }).ToList();
        return new ScanReport(
            today,
            FilesFound: sorted.Count,
            FilesScanned: input.Files.Count,
            findings,
            totals,
            Failed: [.. sorted.Where(f => f.Kind == ScanOutcomeKind.Failed)],
            Skipped: [.. sorted.Where(f => f.Kind == ScanOutcomeKind.Skipped)])
        {
            Suppressed = suppressed,
        };
    }

    private static List<Finding> Sort(IEnumerable<Finding> findings, IReadOnlyList<ScanRule> rules) =>
        [.. findings
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ThenBy(f => f.Line)
            .ThenBy(f => f.Column ?? -1)
            .ThenBy(f => ScanRules.IndexOf(rules, f.Rule))
            .ThenBy(f => f.Message, StringComparer.Ordinal)];
}
