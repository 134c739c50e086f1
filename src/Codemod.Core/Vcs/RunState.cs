namespace Codemod.Core.Vcs;

/// <summary>Where a run stands now.</summary>
public enum RunState
{
    /// <summary>Committed and reachable from HEAD.</summary>
    Active,

    /// <summary>Undone by a revert commit or a hard reset.</summary>
    RolledBack,

    /// <summary>A rollback point without a commit: the run stopped before committing.</summary>
    Incomplete,

    /// <summary>Committed on another branch (or dropped from this one by something other than codemod).</summary>
    NotOnHead,
}
