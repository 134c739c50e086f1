namespace Codemod.Core.Plans;

/// <summary>What a plan run (or dry run) did, step by step, and where the repository ended.</summary>
public sealed record PlanReport(Plan Plan, bool DryRun, IReadOnlyList<StepReport> Steps)
{
    public string? BatchId { get; init; }

    /// <summary>HEAD when the plan started, and when it finished.</summary>
    public string? Start { get; init; }

    public string? Head { get; init; }

    /// <summary>The batch's tags left in the repository (none after a failure or when nothing changed).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    public bool RolledBack { get; init; }

    /// <summary>Problems while returning to the rollback point; empty when the repository is exactly as it was.</summary>
    public IReadOnlyList<string> RollbackProblems { get; init; } = [];

    public IReadOnlyDictionary<string, string> Versions { get; init; } = new Dictionary<string, string>();

    public StepReport? FailedStep => Steps.FirstOrDefault(s => s.Status == StepStatus.Failed);

    public bool Succeeded => FailedStep is null;
}
