using System.Text;
using Codemod.Core.Settings;

namespace Codemod.Core.Vcs;

/// <summary>
/// Undoes a run or a whole plan batch: by default with a revert commit (history kept, hooks run), with
/// <c>hard</c> by resetting to the rollback point when the run's commit is still HEAD and was never pushed. Either way
/// it then checks that HEAD's tree holds the rollback point's blob for every path the run changed.
/// </summary>
public sealed class RollbackRunner(IMutatingGitRepository repository)
{
    public RollbackOutcome Rollback(string idOrTag, bool hard, bool noVerify)
    {
        using var held = RepositoryLock.Acquire(repository.GitDirectory);
        var history = new RunHistoryReader(repository);
        var run = history.Find(idOrTag);
        var reference = RunTags.Before(run.RunId);
        if (run.Rollback is { } earlier)
        {
            var how = earlier.Mode == "hard" ? "reset with --hard" : $"reverted by {Short(earlier.Commit)}";
            return new RollbackOutcome(RollbackStatus.AlreadyRolledBack, run, hard) { Commit = earlier.Commit, Detail = how };
        }

        if (run.After is null)
        {
            throw new UserError($"run {run.RunId} never committed (no tag {RunTags.After(run.RunId)}): there is nothing to roll back");
        }

        var head = repository.Head() ?? throw new UserError("HEAD has no commit");
        var state = repository.Status();
        if (!state.IsClean(includeUntracked: false))
        {
            throw new UserError($"the work tree has uncommitted changes ({WorkTreeState.Describe(state.Dirty(includeUntracked: false))}): commit or stash them before a rollback");
        }

        var steps = run.Kind == RunKind.Plan ? run.Steps : [];
        if (hard)
        {
            if (head != run.After)
            {
                throw new UserError($"--hard needs the run's commit {Short(run.After)} to be HEAD, but HEAD is {Short(head)} (later commits exist or another branch is checked out): roll back without --hard to make a revert commit");
            }

            // A commit in the range that is not the run's own (someone committed while it ran) would vanish with the reset.
            var ids = new HashSet<string>([run.RunId, .. steps], StringComparer.Ordinal);
            var foreign = repository.CommitsBetween(run.Before, run.After).FirstOrDefault(c =>
                !c.Trailer(CommitTrailers.Run).Any(ids.Contains) && !c.Trailer(CommitTrailers.Batch).Contains(run.RunId));
            if (foreign is not null)
            {
                throw new UserError($"--hard would also remove commit {Short(foreign.Id)} ({foreign.Subject}), which is not the run's own: roll back without --hard to make a revert commit");
            }

            var pushed = repository.RemoteBranchesContaining(run.After);
            if (pushed.Count > 0)
            {
                throw new UserError($"--hard would rewrite published history: {Short(run.After)} is on {string.Join(", ", pushed)}; roll back without --hard to make a revert commit");
            }

            var reset = repository.ResetHard(run.Before);
            if (!reset.Succeeded)
            {
                return new RollbackOutcome(RollbackStatus.Failed, run, hard) { Detail = reset.Output.Trim() };
            }

            Mark(run, steps, run.Before, $"hard reset to {reference} (was {Short(run.After)})");
            return new RollbackOutcome(RollbackStatus.RolledBack, run, hard) { Commit = run.Before, Verification = TreeVerification.Compare(repository, run.Before, reference, run.Files) };
        }

        if (!run.OnHead)
        {
            throw new UserError($"the run's commit {Short(run.After)} is not reachable from HEAD: check out the branch it was made on and roll back there");
        }

        var reverted = repository.RevertNoCommit(run.Before, run.After);
        if (!reverted.Succeeded)
        {
            repository.AbortRevert();
            repository.ResetHard(head);
            return new RollbackOutcome(RollbackStatus.Failed, run, hard) { Detail = "git revert did not apply cleanly (later commits changed the same lines); nothing was changed: " + reverted.FirstLine };
        }

        if (!repository.Status().HasStagedChanges)
        {
            repository.ResetHard(head);
            return new RollbackOutcome(RollbackStatus.NothingToRevert, run, hard) { Verification = TreeVerification.Compare(repository, run.Before, reference, run.Files) };
        }

        var committed = repository.Commit(Message(run, steps), null, noVerify);
        var commit = committed.Succeeded ? repository.Head() : null;
        if (commit is null || commit == head)
        {
            repository.ResetHard(head);
            return new RollbackOutcome(RollbackStatus.Failed, run, hard) { Detail = "git refused the revert commit; nothing was changed:\n" + committed.Output.Trim() };
        }

        Mark(run, steps, commit, $"revert {Short(commit)}");
        return new RollbackOutcome(RollbackStatus.RolledBack, run, hard) { Commit = commit, Verification = TreeVerification.Compare(repository, run.Before, reference, run.Files) };
    }

    /// <summary>The revert commit's message: names the run, lists the files, and carries one trailer per undone run.</summary>
    public static string Message(RunRecord run, IReadOnlyList<string> steps)
    {
        var what = run.Kind == RunKind.Plan ? $"codemod plan {run.RunId}" : $"codemod run {run.RunId}";
        var detail = run.Kind == RunKind.Plan ? $"{steps.Count} step(s)" : run.Codemod ?? "codemod";
        var subject = $"Roll back {what} ({detail})";
        if (subject.Length > CommitMessageBuilder.MaxSubjectLength)
        {
            subject = $"Roll back {what}";
        }

        var text = new StringBuilder();
        text.Append(subject).Append("\n\n");
        text.Append($"Reverts {(run.Kind == RunKind.Plan ? "every step of " : string.Empty)}{what} ({run.Subject}),\n");
        text.Append($"restoring {run.Files.Count} file(s) to {RunTags.Before(run.RunId)} ({Short(run.Before)}).\n");
        if (run.Files.Count > 0)
        {
            text.Append("\nFiles restored:\n");
            foreach (var path in run.Files.Take(CommitMessageBuilder.ListedPerSection))
            {
                text.Append("  ").Append(path).Append('\n');
            }

            if (run.Files.Count > CommitMessageBuilder.ListedPerSection)
            {
                text.Append($"  ... and {run.Files.Count - CommitMessageBuilder.ListedPerSection} more\n");
            }
        }

        text.Append('\n');
        foreach (var id in new[] { run.RunId }.Concat(steps))
        {
            text.Append($"{CommitTrailers.RolledBack}: {id}\n");
        }

        return text.ToString();
    }

    // The tag keeps the rollback visible in history even when a hard reset leaves nothing on the branch to show it.
    private void Mark(RunRecord run, IReadOnlyList<string> steps, string commit, string how)
    {
        foreach (var id in new[] { run.RunId }.Concat(steps))
        {
            repository.CreateTag(RunTags.RolledBack(id), commit, $"codemod rollback {id}: {how}");
        }
    }

    private static string Short(string? commit) => commit is null ? "?" : commit[..Math.Min(10, commit.Length)];
}
