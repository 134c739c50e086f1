namespace Codemod.Core.Vcs;

/// <summary>How a run was rolled back: <c>revert</c> (a commit carrying <c>Codemod-Rollback</c>) or <c>hard</c> (a reset).</summary>
public sealed record RollbackMark(string Mode, string? Commit);
