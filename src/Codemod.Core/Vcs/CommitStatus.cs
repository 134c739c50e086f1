namespace Codemod.Core.Vcs;

/// <summary>How an apply-and-commit ended.</summary>
public enum CommitStatus
{
    /// <summary>Files written, committed, tagged before and after, report attached as a note.</summary>
    Committed,

    /// <summary>Nothing to write: no commit and no tags.</summary>
    NothingChanged,

    /// <summary>Writing failed; every file is back as it was and the rollback tag is gone.</summary>
    WriteFailed,

    /// <summary>git refused the commit (usually a hook); files restored, index restored, tags removed.</summary>
    CommitRejected,

    /// <summary>HEAD moved while the run was writing (someone committed): files restored, nothing committed, tags removed.</summary>
    HeadMoved,

    /// <summary>A signal arrived before the commit stood: files, index and tags are back as they were.</summary>
    Interrupted,
}
