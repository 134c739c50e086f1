using System.CommandLine;
using Codemod.Cli.Commits;
using Codemod.Cli.Options;
using Codemod.Cli.Plans;
using Codemod.Cli.Rendering;
using Codemod.Core.Apply;
using Codemod.Core.Settings;
using Codemod.Core.Vcs;

namespace Codemod.Cli.Commands;

/// <summary><c>codemod plan</c>: a batch of codemod steps, one commit each, stopped and rolled back as a whole on failure; <c>--dry-run</c> previews it.</summary>
internal static class PlanCommand
{
    public static Command Create(CliContext context)
    {
        var options = new CommonOptions();
        var file = new Argument<string>("PLAN") { Description = "The plan file (YAML; format in README)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Preview every step (each seeing the previous steps' output) on a temporary copy; the repository is not touched" };
        var noVerify = new Option<bool>("--no-verify") { Description = "Skip the pre-commit and commit-msg hooks of the step commits" };
        var format = new Option<string>("--format") { Description = "text (diffs on stdout for --dry-run, progress on stderr; default) or json (the plan document on stdout)", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("plan", "Apply a batch of codemods, one commit per step; on failure the whole batch is rolled back") { file, dryRun, noVerify, format };
        command.Add(PlanSuggestCommand.Create(context));
        foreach (var option in new Option[] { options.Root, options.Jobs, options.Timeout, options.MaxFileSize, options.Codemods, options.Strict })
        {
            command.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var planPath = Path.GetFullPath(parse.GetValue(file)!, context.Environment.CurrentDirectory);
            var plan = PlanReader.Read(planPath, parse.GetValue(file)!);
            var run = BaseSettings(parse, options, context);
            var settings = new PlanRunSettings(run, SettingsResolver.Python(parse, options, context.Environment, run, context.Error), parse.GetValue(dryRun), parse.GetValue(noVerify));
            var json = parse.GetValue(format) == "json";
            var paint = new Paint(SettingsResolver.UseColor(parse, context.Environment, context.Environment.ErrorRedirected));
            var diffPaint = new Paint(SettingsResolver.UseColor(parse, context.Environment, context.Environment.OutputRedirected));
            PlanReport report;
            try
            {
                report = await new PlanRunner(settings, context.Time, step => Progress(context, plan.Steps.Count, step, settings.DryRun, json, paint, diffPaint), PhaseHook.From(context.Environment.TestPhase, context.Error))
                    .RunAsync(plan, cancellationToken);
            }
            catch (RunInterruptedException e)
            {
                context.Error.WriteLine($"codemod: {e.Message}");
                return ExitCodes.Interrupted;
            }

            if (json)
            {
                PlanReportJson.Write(context.OutputStream, report, run.Root);
            }

            Summary(context.Error, report, paint);
            if (!report.Succeeded || report.RollbackProblems.Count > 0)
            {
                return ExitCodes.NeedsAttention;
            }

            return ExitCodes.For(new RunVerdict(Reviews: report.Steps.Sum(s => s.Changes?.Totals.Reviews ?? 0), Strict: parse.GetValue(options.Strict)));
        });
        return command;
    }

    private static RunSettings BaseSettings(ParseResult parse, CommonOptions options, CliContext context)
    {
        var rootOption = parse.GetValue(options.Root);
        var root = Path.GetFullPath(rootOption ?? ".", context.Environment.CurrentDirectory).TrimEnd(Path.DirectorySeparatorChar);
        if (!Directory.Exists(root))
        {
            throw new UserError($"--root '{rootOption}' is not a folder");
        }

        var jobs = parse.GetValue(options.Jobs) ?? Environment.ProcessorCount;
        var timeout = parse.GetValue(options.Timeout);
        if (jobs < 1 || timeout <= 0)
        {
            throw new UserError(jobs < 1 ? $"--jobs {jobs} must be at least 1" : $"--timeout {timeout} must be a positive number of seconds");
        }

        return new RunSettings { Root = root, Jobs = jobs, Timeout = TimeSpan.FromSeconds(timeout), MaxFileSize = parse.GetValue(options.MaxFileSize) };
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
