using Codemod.Core.Changes;
using Codemod.Core.Vcs;

namespace Codemod.Core.Plans;

/// <summary>One step's result: its run, its commit (if any), its verification, and why it failed.</summary>
public sealed record StepReport(PlanStep Step, StepStatus Status)
{
    public ChangeSet? Changes { get; init; }

    public CommitOutcome? Commit { get; init; }

    public VerifyResult? Verify { get; init; }

    public string? Failure { get; init; }
}
