using Codemod.Core.Apply;
using Codemod.Core.Changes;
using Codemod.Core.Discovery;
using Codemod.Core.Engine;
using Codemod.Core.Settings;
using Codemod.Core.Transform;
using Codemod.Core.Vcs;

namespace Codemod.Core.Plans;

/// <summary>
/// Runs a plan's steps: every step one commit with its own tags, the batch one rollback point. The first failed step (a
/// Failed file, a refused commit, a failing verification) stops the batch and returns the repository to that point
/// with <see cref="BatchUndo"/>: HEAD, tree, index, tags and notes as they were, the user's other changes untouched.
/// A dry run writes nothing: each step sees the earlier steps' new bytes through an in-memory overlay, and the tree is
/// copied to a temporary folder only for a step that has a verification command to run there.
/// </summary>
/// <param name="repository">The repository the steps commit to; null for a dry run outside git.</param>
/// <param name="transform">Runs the steps' codemods.</param>
/// <param name="lister">Lists the tree's files (for discovery and for a verification's copy).</param>
/// <param name="verifier">Runs a step's verification command.</param>
/// <param name="time">The clock run ids are made from.</param>
/// <param name="settings">The base run settings, the mode and the commit's parts.</param>
public sealed class BatchRunner(IMutatingGitRepository? repository, ITransformRunner transform, IFileLister lister, IStepVerifier verifier, TimeProvider time, BatchSettings settings)
{
    /// <param name="plan">The plan (its path, name and verification command).</param>
    /// <param name="steps">The plan's steps in order, their codemods resolved.</param>
    /// <param name="cancellationToken">A signal: honoured between steps and between a step's write phases.</param>
    public async Task<PlanReport> RunAsync(Plan plan, IReadOnlyList<BatchStep> steps, CancellationToken cancellationToken)
    {
        var versions = await transform.GetVersionsAsync(cancellationToken).ConfigureAwait(false);
        return settings.DryRun
            ? await DryRunAsync(plan, steps, versions, cancellationToken).ConfigureAwait(false)
            : await CommitAsync(plan, steps, versions, cancellationToken).ConfigureAwait(false);
    }

    private async Task<PlanReport> DryRunAsync(Plan plan, IReadOnlyList<BatchStep> steps, IReadOnlyDictionary<string, string> versions, CancellationToken cancellationToken)
    {
        var overlay = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var reports = new List<StepReport>();
        foreach (var step in steps)
        {
            var (changes, failure) = await TryRunAsync(step, overlay, cancellationToken).ConfigureAwait(false);
            StepReport report;
            if (failure is not null)
            {
                report = new StepReport(step.Step, StepStatus.Failed) { Changes = changes, Failure = failure };
            }
            else
            {
                foreach (var file in changes!.Changed)
                {
                    overlay[file.Path] = file.NewBytes!;
                }

                var verify = await VerifyCopyAsync(plan, step.Step, overlay, cancellationToken).ConfigureAwait(false);
                report = verify is { Passed: false }
                    ? new StepReport(step.Step, StepStatus.Failed) { Changes = changes, Verify = verify, Failure = VerifyFailure(verify) }
                    : new StepReport(step.Step, changes.HasChanges ? StepStatus.Previewed : StepStatus.Unchanged) { Changes = changes, Verify = verify };
            }

            Report(reports, report);
            if (report.Status == StepStatus.Failed)
            {
                break;
            }
        }

        return new PlanReport(plan, true, WithNotRun(plan, reports)) { Versions = versions };
    }

    private async Task<VerifyResult?> VerifyCopyAsync(Plan plan, PlanStep step, IReadOnlyDictionary<string, byte[]> overlay, CancellationToken cancellationToken)
    {
        if (plan.VerifyFor(step) is not { } command)
        {
            return null;
        }

        using var copy = WorkTreeCopy.Create(settings.Run.Root, lister, overlay);
        return await verifier.VerifyAsync(command, copy.Path, cancellationToken).ConfigureAwait(false);
    }

    private async Task<PlanReport> CommitAsync(Plan plan, IReadOnlyList<BatchStep> steps, IReadOnlyDictionary<string, string> versions, CancellationToken cancellationToken)
    {
        var git = repository ?? throw new UserError($"a plan commits each step, and {settings.Run.Root} is not inside a git work tree (--dry-run works anywhere)");
        var start = git.Head() ?? throw new UserError("the repository has no commit yet: a plan needs one as its rollback point");
        RunCommitter.EnsureClean(git, ": a plan runs on a clean tree so that a failed batch can be undone exactly");

        using var held = RepositoryLock.Acquire(git.GitDirectory);
        var batch = RunId.New(time);
        var notesTip = git.ResolveCommit(RunTags.NotesRef);
        var journal = RunJournal.Begin(RunJournal.DirectoryFor(git.GitDirectory, git.Root), new JournalState
        {
            Id = batch.Value,
            Kind = JournalKinds.Plan,
            Root = git.Root,
            Phase = RunPhases.Steps,
            StartCommit = start,
            NotesTip = notesTip,
            Commits = true,
        });
        var created = new List<string> { RunTags.Before(batch) };
        var tagged = git.CreateTag(RunTags.Before(batch), start, $"codemod plan {batch}: rollback point before plan {plan.Path}");
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
            foreach (var step in steps)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var report = await CommitStepAsync(plan, git, step, versions, batch, used, journal, cancellationToken).ConfigureAwait(false);
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
            if (BatchUndo.ReturnToStart(git, start, batch.Value, created, notesTip).Count == 0)
            {
                journal.Delete();
            }

            throw;
        }

        if (interruption is not null)
        {
            var undone = BatchUndo.ReturnToStart(git, start, batch.Value, created, notesTip);
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
            var problems = BatchUndo.ReturnToStart(git, start, batch.Value, created, notesTip);
            if (problems.Count == 0)
            {
                journal.Delete();
            }

            return finished with
            {
                Steps = [.. all.Select(s => s.Status == StepStatus.Committed ? s with { Status = problems.Count == 0 ? StepStatus.RolledBack : s.Status } : s)],
                Head = git.Head(),
                RolledBack = problems.Count == 0,
                RollbackProblems = problems,
            };
        }

        var head = git.Head()!;
        if (head == start)
        {
            git.DeleteTags([RunTags.Before(batch)]);
            journal.Delete();
            return finished with { Head = head };
        }

        var committed = all.Count(s => s.Status == StepStatus.Committed);
        var after = git.CreateTag(RunTags.After(batch.Value), head, $"codemod plan {batch}: {committed} step(s) committed from {plan.Name ?? Path.GetFileName(plan.Path)}");
        journal.Delete();
        return finished with { Head = head, Tags = after.Succeeded ? [RunTags.Before(batch), RunTags.After(batch.Value)] : [RunTags.Before(batch)] };
    }

    private async Task<StepReport> CommitStepAsync(Plan plan, IMutatingGitRepository target, BatchStep step, IReadOnlyDictionary<string, string> versions, RunId batch, HashSet<string> used, RunJournal journal, CancellationToken cancellationToken)
    {
        var (changes, failure) = await TryRunAsync(step, null, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
        {
            return new StepReport(step.Step, StepStatus.Failed) { Changes = changes, Failure = failure };
        }

        var id = RunId.New(time);
        while (!used.Add(id.Value))
        {
            id = RunId.New(time);
        }

        journal.Update(s => s with { Steps = [.. s.Steps, id.Value] });
        var control = new ApplyControl { OnPhase = settings.OnPhase, Cancel = cancellationToken };
        var request = new CommitRequest
        {
            Changes = changes!,
            RunId = id,
            EngineVersion = settings.EngineVersion,
            RuntimeVersions = versions,
            AllowDirty = true,
            NoVerify = settings.NoVerify,
            BatchId = batch.Value,
            Note = step.Step.Note,
        };
        var commit = new RunCommitter(target, null, control).Commit(request, (final, applied) => settings.NoteText(request, final, applied));
        if (commit.Interruption is not null)
        {
            return new StepReport(step.Step, StepStatus.Failed) { Changes = commit.Changes, Commit = commit, Failure = commit.Interruption };
        }

        if (commit.Status is CommitStatus.WriteFailed or CommitStatus.CommitRejected or CommitStatus.HeadMoved)
        {
            var why = commit.Status switch
            {
                CommitStatus.CommitRejected => "git refused the commit: ",
                CommitStatus.HeadMoved => "a commit was made while the step was writing: ",
                _ => "writing failed: ",
            };
            return new StepReport(step.Step, StepStatus.Failed) { Changes = commit.Changes, Commit = commit, Failure = why + OneLine(commit.Detail) };
        }

        if (commit.Changes.Totals.Failed > 0)
        {
            return new StepReport(step.Step, StepStatus.Failed) { Changes = commit.Changes, Commit = commit, Failure = FailedFiles(commit.Changes) };
        }

        var status = commit.Status == CommitStatus.Committed ? StepStatus.Committed : StepStatus.Unchanged;
        var verify = plan.VerifyFor(step.Step) is { } command ? await verifier.VerifyAsync(command, settings.Run.Root, cancellationToken).ConfigureAwait(false) : null;
        return verify is { Passed: false }
            ? new StepReport(step.Step, StepStatus.Failed) { Changes = commit.Changes, Commit = commit, Verify = verify, Failure = VerifyFailure(verify) }
            : new StepReport(step.Step, status) { Changes = commit.Changes, Commit = commit, Verify = verify };
    }

    private async Task<(ChangeSet? Changes, string? Failure)> TryRunAsync(BatchStep step, IReadOnlyDictionary<string, byte[]>? overlay, CancellationToken cancellationToken)
    {
        ChangeSet changes;
        try
        {
            changes = await new CodemodPipeline(transform, lister, null, overlay).RunAsync(StepSettings(step), step.Codemod, step.Step.Arguments, settings.StepProgress?.Invoke(step.Step), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is UserError or EnvironmentMissing)
        {
            return (null, e.Message);
        }

        return changes.Totals.Failed > 0 ? (changes, FailedFiles(changes)) : (changes, null);
    }

    private RunSettings StepSettings(BatchStep step) => settings.Run with
    {
        Formatter = step.Formatter,
        Paths = [.. step.Step.Paths.Where(p => p != ".")],
        Includes = step.Step.Include.Count > 0 ? step.Step.Include : settings.Run.Includes,
        Excludes = step.Step.Exclude,
    };

    private void Report(List<StepReport> reports, StepReport report)
    {
        reports.Add(report);
        settings.OnStep?.Invoke(report);
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
