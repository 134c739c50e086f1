using System.CommandLine;
using Codemod.Cli.Commits;
using Codemod.Cli.Options;
using Codemod.Cli.Plans;
using Codemod.Cli.Rendering;
using Codemod.Core.Apply;
using Codemod.Core.Plans;
using Codemod.Core.Settings;
using Codemod.Core.Vcs;

namespace Codemod.Cli.Commands;

/// <summary><c>codemod plan</c>: a batch of codemod steps, one commit each, stopped and rolled back as a whole on failure; <c>--dry-run</c> previews it.</summary>
internal static class PlanCommand
{
    public static Command Create(CliContext context)
    {
        var options = new PlanOptions();
        var command = options.AddTo(new Command("plan", "Apply a batch of codemods, one commit per step; on failure the whole batch is rolled back"));
        command.Add(PlanSuggestCommand.Create(context));
        command.SetAction((parse, cancellationToken) => RunAsync(options.Resolve(parse, context.Environment), context, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(PlanSettings plan, CliContext context, CancellationToken cancellationToken)
    {
        var steps = PlanReader.Read(plan.PlanFile, plan.PlanDisplay);
        var settings = new PlanRunSettings(plan.Engine.Run, plan.Engine.Python with { Notice = context.Error.WriteLine }, plan.DryRun, plan.NoVerify);
        var (json, paint, diffPaint) = (plan.Json, plan.Style.Stderr, plan.Style.Stdout);
        var mode = ProgressDisplay.Mode(context.Environment, paint, machineOutput: json);
        PlanReport report;
        try
        {
            report = await new PlanRunner(settings, context.Time, step => Progress(context, steps.Steps.Count, step, settings.DryRun, json, paint, diffPaint), PhaseHook.From(context.Environment.TestPhase, context.Error, cancellationToken),
                    step => ProgressDisplay.Create(context, mode, $"step {step.Number}/{steps.Steps.Count} {step.Codemod}", countsChanges: true))
                .RunAsync(steps, cancellationToken);
        }
        catch (RunInterruptedException e)
        {
            context.Error.WriteLine($"codemod: {e.Message}");
            return ExitCodes.For(new RunVerdict(Interrupted: true));
        }

        if (json)
        {
            DocumentJson.Write(context.OutputStream, PlanReportDocument.From(report, settings.Run.Root), DocumentJson.Escaped.PlanReportDocument);
        }

        Summary(context.Error, report, paint);
        // A failed step fails the batch; a rollback that could not finish is a failed write.
        return ExitCodes.For(new RunVerdict(
            Failed: report.Succeeded ? 0 : 1,
            WriteFailed: report.RollbackProblems.Count > 0,
            Reviews: report.Steps.Sum(s => s.Changes?.Totals.Reviews ?? 0),
            Strict: plan.Strict));
    }

    private static void Progress(CliContext context, int total, StepReport step, bool dryRun, bool json, Paint paint, Paint diffPaint)
    {
        var title = $"step {step.Step.Number}/{total}: {step.Step.Codemod}{(step.Step.Paths.Count > 0 ? $" ({string.Join(", ", step.Step.Paths)})" : string.Empty)}";
        context.Error.WriteLine(paint.Bold(title));
        if (dryRun && !json && step.Changes is { HasChanges: true } preview)
        {
            context.Output.WriteLine(diffPaint.Bold($"# {title}"));
            DiffRenderer.WriteText(context.Output, preview, diffPaint);
        }

        if (step.Changes is { } changes)
        {
            SummaryReporter.Write(context.Error, changes, paint);
        }

        if (step.Commit is { } commit)
        {
            CommitFlow.Report(context.Error, commit, paint);
        }

        if (step.Verify is { } verify)
        {
            context.Error.WriteLine(verify.Passed ? paint.Green($"  verified: `{verify.Command}` passed") : paint.Red($"  verification `{verify.Command}` exited with {verify.ExitCode}"));
            if (!verify.Passed && verify.Output.Trim().Length > 0)
            {
                foreach (var line in verify.Output.TrimEnd().Split('\n').TakeLast(20))
                {
                    context.Error.WriteLine("    " + line.TrimEnd('\r'));
                }
            }
        }

        if (step.Failure is not null)
        {
            context.Error.WriteLine(paint.Red($"  step {step.Step.Number} failed: ") + step.Failure);
        }
    }

    private static void Summary(TextWriter error, PlanReport report, Paint paint)
    {
        if (report.FailedStep is { } failed)
        {
            error.WriteLine(paint.Red($"plan failed at step {failed.Step.Number} ({failed.Step.Codemod}, {report.Plan.Path}:{failed.Step.Line}): ") + failed.Failure);
            if (report.DryRun)
            {
                error.WriteLine("dry run: nothing was changed");
            }
            else if (report.RollbackProblems.Count == 0)
            {
                error.WriteLine($"the repository is back at the batch's rollback point {report.Start?[..10]}: the batch's commits and tags are gone");
            }
            else
            {
                error.WriteLine(paint.Red("returning to the rollback point was incomplete: ") + string.Join("; ", report.RollbackProblems));
            }

            return;
        }

        var committed = report.Steps.Count(s => s.Status == StepStatus.Committed);
        if (report.DryRun)
        {
            error.WriteLine(paint.Green($"dry run of {report.Steps.Count} step(s) passed") + $": {report.Steps.Count(s => s.Status == StepStatus.Previewed)} would change files; nothing was written");
        }
        else if (committed == 0)
        {
            error.WriteLine("plan finished: no step changed anything; no commit, no tags");
        }
        else
        {
            error.WriteLine(paint.Green($"plan finished: {committed} commit(s) from {report.Steps.Count} step(s)") + $"; batch {report.BatchId}: {RunTags.Before(report.BatchId!)}..{RunTags.After(report.BatchId!)}");
            error.WriteLine($"  undo the whole batch: codemod rollback {report.BatchId}");
        }
    }
}
