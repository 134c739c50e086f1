using Codemod.Cli.Rendering;
using Codemod.Core.Apply;
using Codemod.Core.Changes;
using Codemod.Core.Settings;
using Codemod.Core.Vcs;
using Codemod.Git;

namespace Codemod.Cli.Commits;

/// <summary>Wires <see cref="RunCommitter"/> for the CLI: opening the repository, the note's JSON, and the report lines.</summary>
internal static class CommitFlow
{
    /// <summary>The repository to commit in, checked before any codemod runs: inside a work tree, with a commit, clean unless allowed.</summary>
    public static GitRepository OpenForCommit(string root, bool allowDirty)
    {
        var repository = GitRepository.Open(root) ?? throw new UserError($"--commit needs a git work tree, and {root} is not inside one");
        if (repository.Head() is null)
        {
            throw new UserError("the repository has no commit yet: --commit needs one to tag as the rollback point");
        }

        RecoveryCheck.RefuseIfPending(repository);

        if (!allowDirty)
        {
            RunCommitter.EnsureClean(repository, ", or pass --allow-dirty (files with uncommitted changes are then left alone)");
        }

        return repository;
    }

    public static CommitOutcome Commit(IMutatingGitRepository repository, ChangeSet changes, IReadOnlyDictionary<string, string> versions, RunId id, bool allowDirty, bool noVerify, string? batchId = null, string? note = null, ApplyControl? control = null) =>
        new RunCommitter(repository, null, control).Commit(
            new CommitRequest
            {
                Changes = changes,
                RunId = id,
                EngineVersion = EngineInfo.Version,
                RuntimeVersions = versions,
                AllowDirty = allowDirty,
                NoVerify = noVerify,
                BatchId = batchId,
                Note = note,
            },
            (final, applied) => ChangeSetJson.NoteText(repository.Root, final, versions, applied, RunNoteDocument.From(id, batchId)));

    /// <summary>The note of a run's commit (its apply document), as <see cref="Commit"/> writes it; used by the plan's steps.</summary>
    public static string NoteText(string root, CommitRequest request, ChangeSet final, ApplyResult applied) =>
        ChangeSetJson.NoteText(root, final, request.RuntimeVersions, applied, RunNoteDocument.From(request.RunId, request.BatchId));

    /// <summary>What the apply wrote, for the summary: nothing stands written unless the commit stands.</summary>
    public static ApplyResult? ShownApplied(CommitOutcome outcome) => outcome.Status switch
    {
        CommitStatus.Committed or CommitStatus.WriteFailed => outcome.Applied,
        _ => null,
    };

    public static void Report(TextWriter error, CommitOutcome outcome, Paint paint)
    {
        var id = outcome.RunId.Value;
        switch (outcome.Status)
        {
            case CommitStatus.Committed:
                error.WriteLine(paint.Green($"committed {outcome.Commit![..10]}") + $" {outcome.Message!.Subject}");
                error.WriteLine($"  tags: {RunTags.Before(id)} (rollback point), {RunTags.After(id)}");
                if (outcome.BreakingEntryWritten)
                {
                    error.WriteLine($"  breaking change recorded in {BreakingChangesLog.FileName}");
                }

                error.WriteLine($"  report: codemod history {id}  (or git notes --ref=codemod show {outcome.Commit![..10]})");
                error.WriteLine($"  undo: codemod rollback {id}");
                break;
            case CommitStatus.NothingChanged:
                error.WriteLine("nothing changed: no commit, no tags");
                break;
            case CommitStatus.WriteFailed:
                error.WriteLine(paint.Red("nothing committed: ") + $"{outcome.Detail}; no tags were left");
                break;
            case CommitStatus.HeadMoved:
                error.WriteLine(paint.Red("nothing committed: ") + outcome.Detail);
                break;
            case CommitStatus.Interrupted:
                break;
            case CommitStatus.CommitRejected:
                error.WriteLine(paint.Red("git refused the commit") + ": every file is back to its original bytes, the index is restored and the tags are removed. git said:");
                foreach (var line in (outcome.Detail ?? string.Empty).Split('\n'))
                {
                    error.WriteLine("  " + line.TrimEnd('\r'));
                }

                error.WriteLine("  (a hook you trust can be skipped with --no-verify)");
                break;
        }

        foreach (var warning in outcome.Warnings)
        {
            error.WriteLine(paint.Yellow("warning: ") + warning);
        }
    }

    /// <summary>The verdict facts of a commit run: refusals already count as failures in its outcomes.</summary>
    public static RunVerdict Verdict(CommitOutcome outcome) => new(
        Failed: outcome.Changes.Totals.Failed,
        Reviews: outcome.Changes.Totals.Reviews,
        WriteFailed: outcome.Status is CommitStatus.WriteFailed or CommitStatus.CommitRejected or CommitStatus.HeadMoved || outcome.Warnings.Count > 0);
}
