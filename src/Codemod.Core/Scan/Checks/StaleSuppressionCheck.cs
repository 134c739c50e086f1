namespace Codemod.Core.Scan.Checks;

/// <summary>stale-suppression: a <c># codemod: ignore</c> comment that suppresses no finding of any rule it applies to.</summary>
internal sealed class StaleSuppressionCheck : IScanCheck
{
    public static ScanRule Definition { get; } = new(
        "stale-suppression",
        "Suppression comment that suppresses nothing",
        "A # codemod: ignore comment on a statement where no finding of the rules it applies to is reported (a bare comment " +
        "applies to every rule; ignore[names] to the rules named by id or by the codemod that fixes them): the code it " +
        "guarded has changed, so the comment only hides the next finding there. Remove it. Comments naming a codemod no rule " +
        "watches (e.g. ignore[redirect-imports]) guard sites the scan cannot see and are not judged.",
        FindingLevel.Note);

    public ScanRule Rule => Definition;

    public int Order => 80;

    public bool JudgesFindings => true;

    public IEnumerable<Finding> Find(ScanInput input)
    {
        var index = new SuppressionIndex(input);
        if (index.IsEmpty)
        {
            return [];
        }

        var used = input.Findings
            .Select(f => (f.Path, Suppression: index.Suppressing(f)))
            .Where(p => p.Suppression is not null)
            .Select(p => (p.Path, p.Suppression!.Line))
            .ToHashSet();
        var tests = input.Files.Where(f => f.Facts.IsTest).Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        return
            from entry in index.All
            where index.Judges(entry.Suppression) && !used.Contains((entry.Path, entry.Suppression.Line))
            select new Finding(Rule.Id, entry.Path, entry.Suppression.Line, $"{entry.Suppression.Text} suppresses nothing: remove it")
            {
                InTest = tests.Contains(entry.Path),
                Key = entry.Suppression.Names is { } names ? $"ignore[{string.Join(",", names)}]" : "ignore",
            };
    }
}
