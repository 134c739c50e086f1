namespace Codemod.Core.Scan;

/// <summary>The ratchet: per-rule counts of an earlier report against this scan; exceeded when any rule went up.</summary>
public sealed record BaselineComparison(IReadOnlyList<BaselineRow> Rows)
{
    public bool Exceeded => Rows.Any(r => r.WentUp);

    public int BeforeTotal => Rows.Sum(r => r.Before ?? 0);

    public int NowTotal => Rows.Sum(r => r.Now);

    /// <summary>Every rule of the report, then rules only the baseline knows (renamed or retired ones), by id.</summary>
    public static BaselineComparison Compare(IReadOnlyDictionary<string, int> baseline, ScanReport now)
    {
        var rows = now.Rules
            .Select(r => new BaselineRow(r.Id, baseline.TryGetValue(r.Id, out var before) ? before : null, now.Count(r.Id)))
            .Concat(baseline.Keys
                .Where(id => now.RuleIndex(id) == now.Totals.Count)
                .Order(StringComparer.Ordinal)
                .Select(id => new BaselineRow(id, baseline[id], 0)))
            .ToList();
        return new BaselineComparison(rows);
    }
}
