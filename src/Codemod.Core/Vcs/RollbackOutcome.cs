namespace Codemod.Core.Vcs;

/// <summary>What a rollback did, the run it concerned, and the check of HEAD's tree against the rollback point.</summary>
public sealed record RollbackOutcome(RollbackStatus Status, RunRecord Run, bool Hard)
{
    /// <summary>The revert commit, or the commit HEAD was reset to.</summary>
    public string? Commit { get; init; }

    public TreeVerification? Verification { get; init; }

    /// <summary>git's output when it refused, or what an earlier rollback was.</summary>
    public string? Detail { get; init; }
}
