namespace Codemod.Core.Scan;

/// <summary>
/// One <c># codemod: ignore</c> comment: its line, the last line it covers (the end of the statement that starts on it,
/// else its own line) and the names in its brackets (null: every rule). Which findings it suppresses is
/// <see cref="SuppressionIndex"/>'s decision.
/// </summary>
[ScanFact("suppressions")]
public sealed record SuppressionFact(int Line, int End, IReadOnlyList<string>? Names = null)
{
    /// <summary>The comment as written, for messages: <c># codemod: ignore[env-access]</c>.</summary>
    public string Text => Names is null ? "# codemod: ignore" : $"# codemod: ignore[{string.Join(", ", Names)}]";

    public bool Covers(int line) => line >= Line && line <= Math.Max(Line, End);
}
