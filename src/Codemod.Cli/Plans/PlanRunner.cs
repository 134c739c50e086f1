using Codemod.Cli.Commits;
using Codemod.Cli.Options;
using Codemod.Core.Apply;
using Codemod.Core.Changes;
using Codemod.Core.Plans;
using Codemod.Core.Settings;
using Codemod.Core.Transform;
using Codemod.Core.Vcs;
using Codemod.Git;

namespace Codemod.Cli.Plans;

/// <summary>
/// Runs a plan: every step one commit with its own tags, the batch one rollback point. The first failed step (a Failed
/// file, a refused commit, a failing verification) stops the batch and returns the repository to that point: HEAD,
/// tree, index, tags and notes as they were. A dry run applies the steps to a temporary copy instead.
/// </summary>
internal sealed class PlanRunner(PlanRunSettings settings, TimeProvider time, Action<StepReport>? onStep = null, Action<string>? onPhase = null)
{
    public async Task<PlanReport> RunAsync(Plan plan, CancellationToken cancellationToken)
    {
        await using var session = new CodemodSession(settings.Python);
        var steps = await ResolveAsync(plan, session, cancellationToken).ConfigureAwait(false);
        var versions = await session.VersionsAsync(cancellationToken).ConfigureAwait(false);
        return settings.DryRun
            ? await DryRunAsync(plan, session, steps, versions, cancellationToken).ConfigureAwait(false)
            : await CommitAsync(plan, session, steps, versions, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every step's codemod, arguments and paths checked before anything runs, so a typo costs nothing.</summary>
    private async Task<List<(PlanStep Step, CodemodInfo Codemod)>> ResolveAsync(Plan plan, CodemodSession session, CancellationToken cancellationToken)
    {
        var resolved = new List<(PlanStep, CodemodInfo)>();
        foreach (var step in plan.Steps)
        {
            try
            {
                resolved.Add((step, await session.ResolveAsync(step.Codemod, step.Arguments, cancellationToken, Formatter(step)).ConfigureAwait(false)));
            }
            catch (UserError e)
            {
                throw new UserError(plan.At(step.Line, $"step {step.Number}: {e.Message}"));
            }

            foreach (var path in step.Paths.Where(p => p != "."))
            {
                var full = Path.Combine(settings.Run.Root, path);
                if (Path.IsPathRooted(path) || path.Split('/').Contains("..") || (!File.Exists(full) && !Directory.Exists(full)))
                {
                    throw new UserError(plan.At(step.Line, $"step {step.Number}: path '{path}' is not a file or folder under the root {settings.Run.Root}"));
                }
            }
        }

        return resolved;
    }

    private async Task<PlanReport> DryRunAsync(Plan plan, CodemodSession session, List<(PlanStep Step, CodemodInfo Codemod)> steps, IReadOnlyDictionary<string, string> versions, CancellationToken cancellationToken)
    {
        using var copy = WorkTreeCopy.Create(settings.Run.Root);
        var reports = new List<StepReport>();
        foreach (var (step, codemod) in steps)
        {
            var changes = await TryRunAsync(session, step, codemod, copy.Path, cancellationToken).ConfigureAwait(false);
            var report = changes.Failure is not null ? new StepReport(step, StepStatus.Failed) { Changes = changes.Changes, Failure = changes.Failure }
                : await ApplyToCopyAsync(plan, step, changes.Changes!, copy.Path, cancellationToken).ConfigureAwait(false);
            Report(reports, report);
            if (report.Status == StepStatus.Failed)
            {
                break;
            }
        }

        return new PlanReport(plan, true, WithNotRun(plan, reports)) { Versions = versions };
    }

    private async Task<StepReport> ApplyToCopyAsync(Plan plan, PlanStep step, ChangeSet changes, string copy, CancellationToken cancellationToken)
    {
        var applied = new ChangeApplier().Apply(copy, changes.Files);
        if (!applied.Succeeded)
        {
            return new StepReport(step, StepStatus.Failed) { Changes = changes, Failure = $"writing to the temporary copy failed: {applied.Error}" };
        }

        var verify = await VerifyAsync(plan, step, copy, cancellationToken).ConfigureAwait(false);
        return verify is { Passed: false }
            ? new StepReport(step, StepStatus.Failed) { Changes = changes, Verify = verify, Failure = VerifyFailure(verify) }
            : new StepReport(step, changes.HasChanges ? StepStatus.Previewed : StepStatus.Unchanged) { Changes = changes, Verify = verify };
    }

    private async Task<PlanReport> CommitAsync(Plan plan, CodemodSession session, List<(PlanStep Step, CodemodInfo Codemod)> steps, IReadOnlyDictionary<string, string> versions, CancellationToken cancellationToken)
    {
        var repository = GitRepository.Open(settings.Run.Root)
            ?? throw new UserError($"a plan commits each step, and {settings.Run.Root} is not inside a git work tree (--dry-run works anywhere)");
        var start = repository.Head() ?? throw new UserError("the repository has no commit yet: a plan needs one as its rollback point");
        RecoveryCheck.RefuseIfPending(repository);
        RunCommitter.EnsureClean(repository, ": a plan runs on a clean tree so that a failed batch can be undone exactly");

        using var held = RepositoryLock.Acquire(repository.GitDirectory);
        var batch = RunId.New(time);
        var notesTip = repository.ResolveCommit(RunTags.NotesRef);
        var journal = RunJournal.Begin(RunJournal.DirectoryFor(repository.GitDirectory, repository.Root), new JournalState
        {
            Id = batch.Value,
            Kind = JournalKinds.Plan,
            Root = repository.Root,
            Phase = RunPhases.Steps,
            StartCommit = start,
            NotesTip = notesTip,
            Commits = true,
        });
        var created = new List<string> { RunTags.Before(batch) };
        var tagged = repository.CreateTag(RunTags.Before(batch), start, $"codemod plan {batch}: rollback point before plan {plan.Path}");
        if (!tagged.Succeeded)
        {
            journal.Delete();
            throw new UserError($"cannot create tag {RunTags.Before(batch)}: {tagged.FirstLine}");
        }

        var reports = new List<StepReport>();
        var used = new HashSet<string>(StringComparer.Ordinal) { batch.Value };
        string? interruption = null;
        try
        {
            foreach (var (step, codemod) in steps)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var report = await CommitStepAsync(plan, repository, session, step, codemod, versions, batch, used, journal, cancellationToken).ConfigureAwait(false);
                created.AddRange(report.Commit?.Tags ?? []);
                Report(reports, report);
                if (report.Commit?.Interruption is { } said)
                {
                    interruption = said;
                    break;
                }

                if (report.Status == StepStatus.Failed)
                {
                    break;
                }
            }

            if (interruption is null)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
        catch (OperationCanceledException)
        {
            interruption = "interrupted between steps";
        }
        catch
        {
            // Broken mid-batch: the batch's promise (all steps or none) still holds.
            if (BatchUndo.ReturnToStart(repository, start, batch.Value, created, notesTip).Count == 0)
            {
                journal.Delete();
            }

            throw;
        }

        if (interruption is not null)
        {
            var undone = BatchUndo.ReturnToStart(repository, start, batch.Value, created, notesTip);
            if (undone.Count == 0)
            {
                journal.Delete();
                throw new RunInterruptedException($"{interruption}; the batch is back at its start {start[..10]}: its commits and tags are gone, other changes untouched");
            }

            throw new RunInterruptedException($"{interruption}; returning the batch to its start failed: {string.Join("; ", undone)}");
        }

        var all = WithNotRun(plan, reports);
        var finished = new PlanReport(plan, false, all) { BatchId = batch.Value, Start = start, Versions = versions };
        if (all.Any(s => s.Status == StepStatus.Failed))
        {
            var problems = BatchUndo.ReturnToStart(repository, start, batch.Value, created, notesTip);
            if (problems.Count == 0)
            {
                journal.Delete();
            }

            return finished with
            {
                Steps = [.. all.Select(s => s.Status == StepStatus.Committed ? s with { Status = problems.Count == 0 ? StepStatus.RolledBack : s.Status } : s)],
                Head = repository.Head(),
                RolledBack = problems.Count == 0,
                RollbackProblems = problems,
            };
        }

        var head = repository.Head()!;
        if (head == start)
        {
            repository.DeleteTags([RunTags.Before(batch)]);
            journal.Delete();
            return finished with { Head = head };
        }

        var committed = all.Count(s => s.Status == StepStatus.Committed);
        var after = repository.CreateTag(RunTags.After(batch.Value), head, $"codemod plan {batch}: {committed} step(s) committed from {plan.Name ?? Path.GetFileName(plan.Path)}");
        journal.Delete();
        return finished with { Head = head, Tags = after.Succeeded ? [RunTags.Before(batch), RunTags.After(batch.Value)] : [RunTags.Before(batch)] };
    }

    private async Task<StepReport> CommitStepAsync(Plan plan, GitRepository repository, CodemodSession session, PlanStep step, CodemodInfo codemod, IReadOnlyDictionary<string, string> versions, RunId batch, HashSet<string> used, RunJournal journal, CancellationToken cancellationToken)
    {
        var (changes, failure) = await TryRunAsync(session, step, codemod, settings.Run.Root, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
        {
            return new StepReport(step, StepStatus.Failed) { Changes = changes, Failure = failure };
        }

        var id = RunId.New(time);
        while (!used.Add(id.Value))
        {
            id = RunId.New(time);
        }

        journal.Update(s => s with { Steps = [.. s.Steps, id.Value] });
        var control = new ApplyControl { OnPhase = onPhase, Cancel = cancellationToken };
        var commit = CommitFlow.Commit(repository, changes!, versions, id, allowDirty: true, settings.NoVerify, batch.Value, step.Note, control);
        if (commit.Interruption is not null)
        {
            return new StepReport(step, StepStatus.Failed) { Changes = commit.Changes, Commit = commit, Failure = commit.Interruption };
        }

        if (commit.Status is CommitStatus.WriteFailed or CommitStatus.CommitRejected or CommitStatus.HeadMoved)
        {
            var why = commit.Status switch
            {
                CommitStatus.CommitRejected => "git refused the commit: ",
                CommitStatus.HeadMoved => "a commit was made while the step was writing: ",
                _ => "writing failed: ",
            };
            return new StepReport(step, StepStatus.Failed) { Changes = commit.Changes, Commit = commit, Failure = why + OneLine(commit.Detail) };
        }

        if (commit.Changes.Totals.Failed > 0)
        {
            return new StepReport(step, StepStatus.Failed) { Changes = commit.Changes, Commit = commit, Failure = FailedFiles(commit.Changes) };
        }

        var status = commit.Status == CommitStatus.Committed ? StepStatus.Committed : StepStatus.Unchanged;
        var verify = await VerifyAsync(plan, step, settings.Run.Root, cancellationToken).ConfigureAwait(false);
        return verify is { Passed: false }
            ? new StepReport(step, StepStatus.Failed) { Changes = commit.Changes, Commit = commit, Verify = verify, Failure = VerifyFailure(verify) }
            : new StepReport(step, status) { Changes = commit.Changes, Commit = commit, Verify = verify };
    }

    private async Task<(ChangeSet? Changes, string? Failure)> TryRunAsync(CodemodSession session, PlanStep step, CodemodInfo codemod, string root, CancellationToken cancellationToken)
    {
        ChangeSet changes;
        try
        {
            changes = await session.RunAsync(StepSettings(step, root), codemod, step.Arguments, null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is UserError or EnvironmentMissing)
        {
            return (null, e.Message);
        }

        return changes.Totals.Failed > 0 ? (changes, FailedFiles(changes)) : (changes, null);
    }

    private static IReadOnlyList<string>? Formatter(PlanStep step) => step.Formatter is null ? null : CommandSplitter.Split(step.Formatter, "formatter");

    private RunSettings StepSettings(PlanStep step, string root) => settings.Run with
    {
        Formatter = Formatter(step),
        Root = root,
        Paths = [.. step.Paths.Where(p => p != ".")],
        Includes = step.Include.Count > 0 ? step.Include : settings.Run.Includes,
        Excludes = step.Exclude,
    };

    private static async Task<VerifyResult?> VerifyAsync(Plan plan, PlanStep step, string root, CancellationToken cancellationToken) =>
        plan.VerifyFor(step) is { } command ? await VerifyRunner.RunAsync(command, root, cancellationToken).ConfigureAwait(false) : null;

    private void Report(List<StepReport> reports, StepReport report)
    {
        reports.Add(report);
        onStep?.Invoke(report);
    }

    private static List<StepReport> WithNotRun(Plan plan, List<StepReport> reports) =>
        [.. reports, .. plan.Steps.Skip(reports.Count).Select(s => new StepReport(s, StepStatus.NotRun))];

    private static string FailedFiles(ChangeSet changes)
    {
        var failed = changes.Files.Where(f => f.Kind == OutcomeKind.Failed).ToList();
        var first = failed[0];
        var more = failed.Count > 1 ? $" (and {failed.Count - 1} more)" : string.Empty;
        return $"{failed.Count} file(s) failed: {first.Path}{(first.Line is { } l ? $":{l}" : string.Empty)}: {first.Reason}{more}";
    }

    private static string VerifyFailure(VerifyResult verify) =>
        $"verification `{verify.Command}` exited with {verify.ExitCode}{(verify.Output.Trim().Length > 0 ? ": " + verify.Tail(3) : string.Empty)}";

    private static string OneLine(string? text) => string.Join(" | ", (text ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()).Where(l => l.Length > 0).Take(5));
}
