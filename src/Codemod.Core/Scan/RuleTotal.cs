namespace Codemod.Core.Scan;

/// <summary>
/// The count of one rule's findings, split by production and test code, and how many duplicate groups they form; the
/// findings a <c># codemod: ignore</c> comment suppressed are not in them but in <see cref="Suppressed"/>.
/// </summary>
public sealed record RuleTotal(ScanRule Rule, int Count, int Production, int Test, int Groups)
{
    public int Suppressed { get; init; }
}
