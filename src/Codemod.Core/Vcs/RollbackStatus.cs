namespace Codemod.Core.Vcs;

/// <summary>How a rollback ended.</summary>
public enum RollbackStatus
{
    /// <summary>A revert commit was made, or HEAD was reset to the rollback point.</summary>
    RolledBack,

    /// <summary>The run was rolled back before: nothing done.</summary>
    AlreadyRolledBack,

    /// <summary>The revert produced no change (the files already match): nothing committed.</summary>
    NothingToRevert,

    /// <summary>git refused (conflict with later commits, a hook); the repository is as it was.</summary>
    Failed,
}
