using System.CommandLine;
using Codemod.Cli.Commits;
using Codemod.Cli.Interactive;
using Codemod.Cli.Options;
using Codemod.Cli.Rendering;
using Codemod.Core.Apply;
using Codemod.Core.Settings;
using Codemod.Core.Vcs;
using Codemod.Git;

namespace Codemod.Cli.Commands;

/// <summary><c>codemod apply</c>: runs a codemod and writes the results atomically through the one write point; <c>--commit</c> also commits and tags.</summary>
internal static class ApplyCommand
{
    public static Command Create(CliContext context)
    {
        var options = new ApplyOptions();
        var command = options.AddTo(new Command("apply", "Run a codemod and write the changed files atomically"));
        command.SetAction((parse, cancellationToken) => RunAsync(options.Resolve(parse, context.Environment), context, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ApplySettings settings, CliContext context, CancellationToken cancellationToken)
    {
        var control = new ApplyControl { OnPhase = PhaseHook.From(context.Environment.TestPhase, context.Error, cancellationToken), Cancel = cancellationToken };
        var paint = settings.Style.Stderr;
        if (settings.Run is null)
        {
            return PatchApplyFlow.Run(new PatchApplyFlow.Options(settings.FromPatch, settings.PatchRoot, settings.Json, settings.Commit, settings.AllowDirty, settings.NoVerify, paint), context, control);
        }

        GitRepository? repository = null;
        Action<RunSettings>? preflight = settings.Commit ? s => repository = CommitFlow.OpenForCommit(s.Root, settings.AllowDirty) : null;
        var mode = ProgressDisplay.Mode(context.Environment, paint, machineOutput: settings.Json);
        ReviewResult? review = null;
        Func<CodemodSession, CodemodRun, Task<CodemodRun>>? reviewStep = settings.Interactive
            ? async (session, first) =>
            {
                (var reviewed, review) = await InteractiveApply.ReviewAsync(session, first, settings, context, null, cancellationToken).ConfigureAwait(false);
                return reviewed;
            }
            : null;
        // An interactive review needs the terminal to itself: no live display under -i.
        var progress = settings.Interactive ? null : ProgressDisplay.Create(context, mode, $"apply {settings.Run.Codemod}", countsChanges: true);
        var run = await CodemodRun.ExecuteAsync(settings.Run, context, cancellationToken, preflight, progress, reviewStep);
        // Cancellation is honoured up to here; once writing starts, a signal finishes or restores the current phase.
        cancellationToken.ThrowIfCancellationRequested();
        if (review is not null)
        {
            InteractiveApply.WriteTally(context.Error, review);
            if (review.Quit && settings.OnQuit == QuitChoice.Discard)
            {
                context.Error.WriteLine("quit: nothing written (--on-quit discard)");
                return ExitCodes.Success;
            }
        }

        if (repository is not null)
        {
            var outcome = CommitFlow.Commit(repository, run.Changes, run.Versions, RunId.New(context.Time), settings.AllowDirty, settings.NoVerify, control: control);
            if (settings.Json)
            {
                ChangeSetJson.Write(context.OutputStream, "apply", repository.Root, outcome.Changes, run.Versions, outcome.Applied, CommitDocument.From(outcome));
            }

            SummaryReporter.Write(context.Error, outcome.Changes, paint, CommitFlow.ShownApplied(outcome));
            CommitFlow.Report(context.Error, outcome, paint);
            MissingModuleWarning.Write(context.Error, paint, applied: true, context.Environment.CurrentDirectory, run.Settings.Root, run.Codemod, outcome.Changes);
            if (outcome.Interruption is { } said)
            {
                context.Error.WriteLine($"codemod: {said}");
                return ExitCodes.For(new RunVerdict(Interrupted: true));
            }

            return ExitCodes.For(CommitFlow.Verdict(outcome) with { Strict = settings.Strict });
        }

        var (applied, changes) = JournalledWrite.Write(run.Settings.Root, run.Changes, control, context.Time);
        if (settings.Json)
        {
            ChangeSetJson.Write(context.OutputStream, "apply", run.Settings.Root, changes, run.Versions, applied);
        }

        SummaryReporter.Write(context.Error, changes, paint, applied);
        MissingModuleWarning.Write(context.Error, paint, applied: true, context.Environment.CurrentDirectory, run.Settings.Root, run.Codemod, changes);
        if (applied.Interrupted || cancellationToken.IsCancellationRequested)
        {
            context.Error.WriteLine(applied.Interrupted
                ? "codemod: interrupted while writing temp files: they are removed, no file was replaced"
                : $"codemod: interrupted while renaming: the renames finished, all {applied.Written.Count} file(s) are written completely");
            return ExitCodes.For(new RunVerdict(Interrupted: true));
        }

        var totals = changes.Totals;
        return ExitCodes.For(new RunVerdict(Failed: totals.Failed, Reviews: totals.Reviews, WriteFailed: !applied.Succeeded, Strict: settings.Strict));
    }
}
