using System.CommandLine;
using Codemod.Cli.Options;
using Codemod.Cli.Rendering;
using Codemod.Core.Vcs;

namespace Codemod.Cli.Commands;

/// <summary><c>codemod rollback</c>: undo a run or a plan batch by revert commit (default) or hard reset, then prove the tree matches the rollback point.</summary>
internal static class RollbackCommand
{
    public static Command Create(CliContext context)
    {
        var options = new RepositoryOptions("A folder inside the repository (default: the current folder)")
        {
            RunId = new Argument<string?>("RUN-ID") { Description = "Run id, plan batch id, or one of their tags (codemod/<id>/before|after)" },
            Hard = new Option<bool>("--hard") { Description = "Reset to the rollback point instead of reverting; only when the run's commit is HEAD, unpushed, and the tree is clean" },
            NoVerify = new Option<bool>("--no-verify") { Description = "Skip the pre-commit and commit-msg hooks for the revert commit" },
        };
        var command = options.AddTo(new Command("rollback", "Undo a codemod run or plan batch: a revert commit, or --hard reset to its rollback point"));
        command.SetAction(parse => Run(options.Resolve(parse, context.Environment), context));
        return command;
    }

    private static int Run(RepositorySettings settings, CliContext context)
    {
        using var repository = HistoryCommand.Open(settings.Folder, context);
        Commits.RecoveryCheck.RefuseIfPending(repository);
        var outcome = new RollbackRunner(repository).Rollback(settings.RunId!, settings.Hard, settings.NoVerify);
        var paint = settings.Style.Stderr;
        if (settings.Json)
        {
            DocumentJson.Write(context.OutputStream, RollbackDocument.From(outcome), DocumentJson.Escaped.RollbackDocument);
        }

        Report(context.Error, outcome, paint);
        var failed = outcome.Status == RollbackStatus.Failed || outcome.Verification is { Verified: false };
        return ExitCodes.For(new RunVerdict(Failed: failed ? 1 : 0));
    }

    private static void Report(TextWriter error, RollbackOutcome outcome, Paint paint)
    {
        var run = outcome.Run;
        var what = run.Kind == RunKind.Plan ? $"plan {run.RunId} ({run.Steps.Count} step(s))" : $"run {run.RunId} ({run.Codemod})";
        switch (outcome.Status)
        {
            case RollbackStatus.AlreadyRolledBack:
                error.WriteLine($"{what} is already rolled back ({outcome.Detail}): nothing to do");
                return;
            case RollbackStatus.Failed:
                error.WriteLine(paint.Red("rollback failed: ") + outcome.Detail);
                return;
            case RollbackStatus.NothingToRevert:
                error.WriteLine($"{what}: reverting it changes nothing (its files already match the rollback point): nothing committed");
                break;
            case RollbackStatus.RolledBack when outcome.Hard:
                error.WriteLine(paint.Green($"rolled back {what}") + $": HEAD reset to {RunTags.Before(run.RunId)} ({outcome.Commit![..10]})");
                break;
            case RollbackStatus.RolledBack:
                error.WriteLine(paint.Green($"rolled back {what}") + $" with revert commit {outcome.Commit![..10]}");
                break;
        }

        if (outcome.Verification is { } check)
        {
            error.WriteLine(check.Verified
                ? paint.Green($"verified: {check.Identical.Count} file(s) identical to {check.Reference}")
                : paint.Red($"NOT verified: {check.Differing.Count} of {check.Identical.Count + check.Differing.Count} file(s) differ from {check.Reference} (later commits changed them): ") + string.Join(", ", check.Differing.Take(10)));
        }
    }
}
