namespace Codemod.Core.Changes;

/// <summary>All per-file outcomes of one codemod run, sorted by path (ordinal), with the codemod that produced them.</summary>
public sealed record ChangeSet(string Codemod, string CodemodVersion, IReadOnlyDictionary<string, IReadOnlyList<string>> Arguments, IReadOnlyList<FileOutcome> Files, TimeSpan Elapsed)
{
    public IEnumerable<FileOutcome> Changed => Files.Where(f => f.Kind == OutcomeKind.Changed);

    public bool HasChanges => Files.Any(f => f.Kind == OutcomeKind.Changed);

    public RunTotals Totals => RunTotals.Of(Files);

    public static IReadOnlyList<FileOutcome> Sort(IEnumerable<FileOutcome> outcomes) =>
        [.. outcomes.OrderBy(o => o.Path, StringComparer.Ordinal)];
}
