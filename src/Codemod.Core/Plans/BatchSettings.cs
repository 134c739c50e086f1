using Codemod.Core.Apply;
using Codemod.Core.Changes;
using Codemod.Core.Progress;
using Codemod.Core.Settings;
using Codemod.Core.Vcs;

namespace Codemod.Core.Plans;

/// <summary>What a batch run needs besides its seams: the base run settings every step starts from, the mode, and the commit's parts.</summary>
public sealed record BatchSettings
{
    /// <summary>The settings every step starts from (its root is the plan's root).</summary>
    public required RunSettings Run { get; init; }

    /// <summary>Preview only: the steps run on an in-memory overlay of the tree, nothing is written or committed.</summary>
    public bool DryRun { get; init; }

    /// <summary>Skip the pre-commit and commit-msg hooks of the step commits.</summary>
    public bool NoVerify { get; init; }

    /// <summary>The engine version written into each step's commit message.</summary>
    public string EngineVersion { get; init; } = "0";

    /// <summary>Renders a step commit's note (the apply report) from its request, final change set and write result.</summary>
    public Func<CommitRequest, ChangeSet, ApplyResult, string> NoteText { get; init; } = (_, _, _) => string.Empty;

    /// <summary>Called with each step's report as soon as the step ends.</summary>
    public Action<StepReport>? OnStep { get; init; }

    /// <summary>The observer of a step's files (a progress display), asked for as the step starts; null, or a null answer, observes nothing.</summary>
    public Func<PlanStep, IFileProgress?>? StepProgress { get; init; }

    /// <summary>Called at each phase of a step's journalled write (signals and crash tests hook here).</summary>
    public Action<string>? OnPhase { get; init; }
}
