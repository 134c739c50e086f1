namespace Codemod.Core.Plans;

/// <summary>Where one plan step ended.</summary>
public enum StepStatus
{
    /// <summary>Changes committed, with the step's own tags and note.</summary>
    Committed,

    /// <summary>The codemod changed nothing: no commit.</summary>
    Unchanged,

    /// <summary>Dry run: the changes were shown and held in memory for the later steps; nothing was written.</summary>
    Previewed,

    Failed,

    /// <summary>Committed, then undone when a later step failed.</summary>
    RolledBack,

    /// <summary>Not reached: an earlier step failed.</summary>
    NotRun,
}
