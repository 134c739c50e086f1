namespace Codemod.Core.Scan;

/// <summary>
/// The aggregated result of a scan: findings sorted by path, line, column and rule; totals per rule in catalogue order;
/// the files that failed or were skipped (a
/// <c># codemod: skip-file</c> comment among them); the findings suppressed by comments, apart. Everything derived here is deterministic, so reports can be golden-tested.
/// </summary>
public sealed record ScanReport(
    DateOnly Today,
    int FilesFound,
    int FilesScanned,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<RuleTotal> Totals,
    IReadOnlyList<FileScan> Failed,
    IReadOnlyList<FileScan> Skipped)
{
    public const string RootPackage = "(root)";

    /// <summary>Findings a <c># codemod: ignore</c> comment suppressed: not reported, not counted in <see cref="Totals"/>, sorted like <see cref="Findings"/>.</summary>
    public IReadOnlyList<Finding> Suppressed { get; init; } = [];

    /// <summary>The rules this report was made with, in catalogue order (the order of <see cref="Totals"/>).</summary>
    public IReadOnlyList<ScanRule> Rules => [.. Totals.Select(t => t.Rule)];

    /// <summary>Position of a rule in <see cref="Rules"/>; ids the report does not know sort last.</summary>
    public int RuleIndex(string id) => ScanRules.IndexOf(Rules, id);

    public IReadOnlyList<PackageTotal> Packages =>
        [.. Findings
            .GroupBy(f => f.Package, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new PackageTotal(g.Key, g.Count(), CountByRule(g)))];

    /// <summary>The files with most findings (ties by path), at most <paramref name="count"/>.</summary>
    public IReadOnlyList<FileTotal> WorstFiles(int count) =>
        [.. Findings
            .GroupBy(f => f.Path, StringComparer.Ordinal)
            .Select(g => new FileTotal(g.Key, g.Count(), CountByRule(g)))
            .OrderByDescending(f => f.Total)
            .ThenBy(f => f.Path, StringComparer.Ordinal)
            .Take(count)];

    /// <summary>env-access findings per form (e.g. <c>environ-get</c>), most frequent first.</summary>
    public IReadOnlyList<(string Form, int Count)> EnvAccessByForm =>
        [.. Findings
            .Where(f => f.Rule == ScanRules.EnvAccess.Id && f.Properties.ContainsKey("form"))
            .GroupBy(f => (string)f.Properties["form"], StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count()))
            .OrderByDescending(x => x.Item2)
            .ThenBy(x => x.Item1, StringComparer.Ordinal)];

    public int Count(string rule) => Totals.FirstOrDefault(t => t.Rule.Id == rule)?.Count ?? 0;

    public static string PackageOf(string path)
    {
        var cut = path.IndexOf('/');
        return cut > 0 ? path[..cut] : RootPackage;
    }

    // Catalogue order, zeros left out: a breakdown lists what is there.
    private SortedDictionary<string, int> CountByRule(IEnumerable<Finding> findings)
    {
        var rules = Rules;
        var counts = new SortedDictionary<string, int>(Comparer<string>.Create((a, b) =>
        {
            var order = ScanRules.IndexOf(rules, a).CompareTo(ScanRules.IndexOf(rules, b));
            return order != 0 ? order : string.CompareOrdinal(a, b);
        }));
        foreach (var finding in findings)
        {
            counts[finding.Rule] = counts.GetValueOrDefault(finding.Rule) + 1;
        }

        return counts;
    }
}
