namespace Codemod.Core.Scan;

/// <summary>The count of one rule's findings, split by production and test code, and how many duplicate groups they form.</summary>
public sealed record RuleTotal(ScanRule Rule, int Count, int Production, int Test, int Groups);
