namespace Codemod.Core.Scan;

/// <summary>One scan rule: a stable id (used in baselines and SARIF, never renamed), what it finds, and how serious it is.</summary>
public sealed record ScanRule(string Id, string ShortDescription, string FullDescription, FindingLevel Level)
{
    /// <summary>The codemods (their NAME) that fix this rule's findings: <c># codemod: ignore[NAME]</c> suppresses the rule too.</summary>
    public IReadOnlyList<string> Codemods { get; init; } = [];
}
