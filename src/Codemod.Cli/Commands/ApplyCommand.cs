using System.CommandLine;
using Codemod.Cli.Commits;
using Codemod.Cli.Options;
using Codemod.Cli.Rendering;
using Codemod.Core.Apply;
using Codemod.Core.Changes;
using Codemod.Core.Settings;
using Codemod.Core.Vcs;
using Codemod.Git;

namespace Codemod.Cli.Commands;

/// <summary><c>codemod apply</c>: runs a codemod and writes the results atomically through the one write point; <c>--commit</c> also commits and tags.</summary>
internal static class ApplyCommand
{
    public static Command Create(CliContext context)
    {
        var options = new CommonOptions();
        var codemod = CodemodRun.CodemodArgument();
        codemod.Arity = ArgumentArity.ZeroOrOne;
        var fromPatch = new Option<string[]>("--from-patch") { Description = "Apply patches written by `preview --format patch` (e.g. by shards) instead of running a codemod; every file must match its patch's pre-image, or nothing is written", HelpName = "FILE", Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = true };
        var format = new Option<string>("--format") { Description = "text (summary on stderr, default) or json (the run document on stdout)", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var commit = new Option<bool>("--commit") { Description = "Commit the changed files with a detailed message, tag the rollback point and the commit, store the report as a git note" };
        var allowDirty = new Option<bool>("--allow-dirty") { Description = "With --commit: proceed on a tree with uncommitted changes; files that have them are left alone and nothing else is staged" };
        var noVerify = new Option<bool>("--no-verify") { Description = "With --commit: skip the pre-commit and commit-msg hooks" };
        var command = new Command("apply", "Run a codemod and write the changed files atomically") { codemod };
        options.AddTo(command);
        command.Add(format);
        command.Add(commit);
        command.Add(allowDirty);
        command.Add(noVerify);
        command.Add(options.Strict);
        command.Add(options.GeneratedMarker);
        command.Add(options.Formatter);
        command.Add(fromPatch);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!parse.GetValue(commit) && (parse.GetValue(allowDirty) || parse.GetValue(noVerify)))
            {
                throw new UserError("--allow-dirty and --no-verify only make sense with --commit");
            }

            var control = new ApplyControl { OnPhase = PhaseHook.From(context.Environment.TestPhase, context.Error), Cancel = cancellationToken };
            var patchFiles = parse.GetValue(fromPatch) ?? [];
            if (patchFiles.Length > 0)
            {
                if (parse.GetValue(codemod) is { } name || (parse.GetValue(options.Paths) ?? []).Length > 0)
                {
                    throw new UserError("--from-patch applies the patches as they are: give no CODEMOD or PATH (the patches name the files; --root says where they are)");
                }

                var root = parse.GetValue(options.Root) is { } r ? Path.GetFullPath(r, context.Environment.CurrentDirectory) : context.Environment.CurrentDirectory;
                return PatchApplyFlow.Run(
                    new PatchApplyFlow.Options(patchFiles, root, parse.GetValue(format) == "json", parse.GetValue(commit), parse.GetValue(allowDirty), parse.GetValue(noVerify), new Paint(SettingsResolver.UseColor(parse, context.Environment, context.Environment.ErrorRedirected))),
                    context,
                    control);
            }

            if (parse.GetValue(codemod) is null)
            {
                throw new UserError("apply needs a CODEMOD (see `codemod list`), or --from-patch FILE...");
            }

            GitRepository? repository = null;
            Action<RunSettings>? preflight = parse.GetValue(commit) ? s => repository = CommitFlow.OpenForCommit(s.Root, parse.GetValue(allowDirty)) : null;
            var run = await CodemodRun.ExecuteAsync(parse, options, parse.GetValue(codemod)!, context, cancellationToken, preflight);
            // Cancellation is honoured up to here; once writing starts, a signal finishes or restores the current phase.
            cancellationToken.ThrowIfCancellationRequested();
            var paint = new Paint(SettingsResolver.UseColor(parse, context.Environment, context.Environment.ErrorRedirected));
            if (repository is not null)
            {
                var outcome = CommitFlow.Commit(repository, run.Changes, run.Versions, RunId.New(context.Time), parse.GetValue(allowDirty), parse.GetValue(noVerify), control: control);
                if (parse.GetValue(format) == "json")
                {
                    ChangeSetJson.Write(context.OutputStream, "apply", repository.Root, outcome.Changes, run.Versions, outcome.Applied, CommitFlow.JsonFields(outcome));
                }

                SummaryReporter.Write(context.Error, outcome.Changes, paint, CommitFlow.ShownApplied(outcome));
                CommitFlow.Report(context.Error, outcome, paint);
                MissingModuleWarning.Write(context.Error, paint, applied: true, context.Environment.CurrentDirectory, run.Settings.Root, run.Codemod, outcome.Changes);
                if (outcome.Interruption is { } said)
                {
                    context.Error.WriteLine($"codemod: {said}");
                    return ExitCodes.Interrupted;
                }

                return ExitCodes.For(CommitFlow.Verdict(outcome) with { Strict = parse.GetValue(options.Strict) });
            }

            var (applied, changes) = JournalledWrite.Write(run.Settings.Root, run.Changes, control, context.Time);
            if (parse.GetValue(format) == "json")
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
                return ExitCodes.Interrupted;
            }

            var totals = changes.Totals;
            return ExitCodes.For(new RunVerdict(Failed: totals.Failed, Reviews: totals.Reviews, WriteFailed: !applied.Succeeded, Strict: parse.GetValue(options.Strict)));
        });
        return command;
    }
}
