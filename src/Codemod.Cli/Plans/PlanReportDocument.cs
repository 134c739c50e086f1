using System.Text.Json;
using Codemod.Cli.Rendering;
using Codemod.Core.Plans;
using Codemod.Core.Vcs;

namespace Codemod.Cli.Plans;

/// <summary>The document of <c>codemod plan --format json</c> (docs/schemas/plan-report.schema.json).</summary>
internal sealed record PlanReportDocument(
    int SchemaVersion,
    string Command,
    string Plan,
    string? Name,
    string Root,
    bool DryRun,
    bool Succeeded,
    string? BatchId,
    string? Start,
    string? Head,
    IReadOnlyList<string> Tags,
    bool RolledBack,
    IReadOnlyList<string> RollbackProblems,
    FailedStepDocument? FailedStep,
    IReadOnlyList<StepReportDocument> Steps)
{
    public static PlanReportDocument From(PlanReport report, string root) => new(
        DocumentJson.SchemaVersion,
        "plan",
        report.Plan.Path,
        report.Plan.Name,
        root,
        report.DryRun,
        report.Succeeded,
        report.BatchId,
        report.Start,
        report.Head,
        report.Tags,
        report.RolledBack,
        report.RollbackProblems,
        report.FailedStep is { } failed ? new FailedStepDocument(failed.Step.Number, failed.Step.Codemod, failed.Step.Line, failed.Failure) : null,
        [.. report.Steps.Select(s => StepReportDocument.From(s, report.Versions))]);
}

/// <summary>The step a plan stopped at, and why.</summary>
internal sealed record FailedStepDocument(int Number, string Codemod, long Line, string? Reason);

/// <summary>One step of a plan: its status, its commit (when it committed), its verification and its run.</summary>
internal sealed record StepReportDocument(
    int Number,
    string Codemod,
    long Line,
    string Status,
    string? Failure,
    string? Note,
    string? RunId,
    string? Commit,
    IReadOnlyList<string> Tags,
    VerifyDocument? Verify,
    StepRunDocument? Run)
{
    public static StepReportDocument From(StepReport step, IReadOnlyDictionary<string, string> versions)
    {
        var committed = step.Commit is { Status: CommitStatus.Committed } c ? c : null;
        return new(
            step.Step.Number,
            step.Step.Codemod,
            step.Step.Line,
            JsonNamingPolicy.CamelCase.ConvertName(step.Status.ToString()),
            step.Failure,
            step.Step.Note,
            committed?.RunId.Value,
            committed?.Commit,
            committed?.Tags ?? [],
            step.Verify is { } verify ? new VerifyDocument(verify.Command, verify.ExitCode, verify.Output) : null,
            step.Changes is { } changes ? StepRunDocument.From(ChangeSetDocument.From(string.Empty, string.Empty, changes, versions, null)) : null);
    }
}

/// <summary>A step's verification command, its exit code and its output.</summary>
internal sealed record VerifyDocument(string Command, int ExitCode, string Output);

/// <summary>A step's run: the fields of a change set document from <c>codemod</c> to <c>files</c>.</summary>
internal sealed record StepRunDocument(
    CodemodDocument Codemod,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Arguments,
    IReadOnlyDictionary<string, string> Engine,
    RunTotalsDocument Totals,
    double ElapsedMs,
    IReadOnlyList<FileOutcomeDocument> Files)
{
    public static StepRunDocument From(ChangeSetDocument run) => new(run.Codemod, run.Arguments, run.Engine, run.Totals, run.ElapsedMs, run.Files);
}
