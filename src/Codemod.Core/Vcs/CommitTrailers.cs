namespace Codemod.Core.Vcs;

/// <summary>The git trailer keys the engine writes and later reads back (history, rollback detection).</summary>
public static class CommitTrailers
{
    public const string Run = "Codemod-Run";
    public const string Codemod = "Codemod";
    public const string Batch = "Codemod-Batch";
    public const string Rollback = "Rollback";
    public const string RolledBack = "Codemod-Rollback";
}
