using Codemod.Core.Apply;
using Codemod.Core.Changes;
using Codemod.Core.Files;
using Codemod.Core.Settings;

namespace Codemod.Core.Vcs;

/// <summary>
/// Turns a run into one commit: under the repository lock, journal the run, tag HEAD as the rollback point, write
/// through <see cref="ChangeApplier"/>, record breaking changes, stage exactly the written paths, commit through git
/// (hooks and signing apply) only if HEAD is still the rollback point, tag the commit and attach the run's report as a
/// note. Whatever fails before the commit stands is undone: original bytes, index, tag. A signal is honoured between
/// phases: before the commit stands it undoes the run, after it completes the tags.
/// </summary>
public sealed class RunCommitter(IMutatingGitRepository repository, ChangeApplier? applier = null, ApplyControl? control = null)
{
    private readonly ChangeApplier _applier = applier ?? new ChangeApplier();
    private readonly ApplyControl _control = control ?? ApplyControl.None;

    /// <summary>Throws <see cref="UserError"/> when the tree has uncommitted changes: checked before any work is done.</summary>
    public static void EnsureClean(IGitRepository repository, string allowFlag)
    {
        var state = repository.Status();
        if (!state.IsClean(includeUntracked: true))
        {
            throw new UserError($"the work tree has uncommitted changes ({WorkTreeState.Describe(state.Dirty(includeUntracked: true))}): commit or stash them{allowFlag}");
        }
    }

    /// <summary>Applies and commits one run; <paramref name="noteText"/> renders the report stored as the commit's note.</summary>
    public CommitOutcome Commit(CommitRequest request, Func<ChangeSet, ApplyResult, string> noteText)
    {
        if (repository.Head() is null)
        {
            throw new UserError("the repository has no commit yet: --commit needs one to tag as the rollback point");
        }

        if (!request.AllowDirty)
        {
            EnsureClean(repository, ", or pass --allow-dirty");
        }

        var dirty = repository.Status().Paths;
        var changes = Rebase(request.Changes, repository.Prefix, dirty);
        var id = request.RunId;
        if (!changes.HasChanges)
        {
            return new CommitOutcome(CommitStatus.NothingChanged, id, changes);
        }

        var breakingPath = BreakingChangesLog.FileName;
        if (changes.Changed.Any(f => f.Breaking.Count > 0) && dirty.Contains(breakingPath))
        {
            throw new UserError($"{breakingPath} has uncommitted changes and this run must add an entry to it: commit or stash them first");
        }

        using var held = RepositoryLock.Acquire(repository.GitDirectory);
        var head = repository.Head()!;
        var before = RunTags.Before(id);
        var journal = RunJournal.Begin(RunJournal.DirectoryFor(repository.GitDirectory, repository.Root), new JournalState
        {
            Id = id.Value,
            Kind = JournalKinds.Run,
            Root = repository.Root,
            StartCommit = head,
            BatchId = request.BatchId,
            Commits = true,
            Tags = [before],
        });
        var tagged = repository.CreateTag(before, head, $"codemod run {id}: rollback point before {changes.Codemod}@{changes.CodemodVersion}");
        if (!tagged.Succeeded)
        {
            journal.Delete();
            throw new UserError($"cannot create tag {before}: {tagged.FirstLine}");
        }

        _control.Phase(RunPhases.Before);
        if (_control.Cancel.IsCancellationRequested)
        {
            return Abandon(journal, before, id, changes, [], null, "interrupted before writing: nothing was written");
        }

        var applied = _applier.Apply(repository.Root, changes.Files, _control with { Journal = journal });
        changes = WithRefusals(changes, applied.Refused);
        var written = changes.Files.Where(f => f.Kind == OutcomeKind.Changed && applied.Written.Contains(f.Path)).ToList();
        if (applied.Interrupted)
        {
            return Abandon(journal, before, id, changes, [], null, "interrupted while writing temp files: they are removed, no file was replaced");
        }

        if (!applied.Succeeded || written.Count == 0)
        {
            repository.DeleteTags([before]);
            journal.Delete();
            return new CommitOutcome(applied.Succeeded ? CommitStatus.NothingChanged : CommitStatus.WriteFailed, id, changes) { Applied = applied, Detail = applied.Error };
        }

        var breaking = written.SelectMany(f => f.Breaking).Distinct().ToList();
        if (breaking.Count > 0)
        {
            var log = BreakingOutcome(id, changes, breaking);
            var logged = _applier.Apply(repository.Root, [log], new ApplyControl { Journal = journal });
            if (!logged.Succeeded || logged.Written.Count == 0)
            {
                var undo = _applier.Undo(repository.Root, written);
                repository.DeleteTags([before]);
                journal.Delete();
                var why = logged.Error ?? logged.Refused.FirstOrDefault()?.Reason ?? "not written";
                return new CommitOutcome(CommitStatus.WriteFailed, id, changes) { Applied = applied, Detail = $"{breakingPath}: {why}{Undone(undo)}" };
            }

            written.Add(log);
        }

        if (_control.Cancel.IsCancellationRequested)
        {
            return Abandon(journal, before, id, changes, written, null, $"interrupted while renaming: the renames finished, then all {written.Count} file(s) were restored; nothing was committed");
        }

        var paths = written.Select(f => f.Path).ToList();
        var message = CommitMessageBuilder.Build(new CommitMessageInput
        {
            Changes = changes,
            CommittedPaths = paths,
            RunId = id,
            EngineVersion = request.EngineVersion,
            RuntimeVersions = request.RuntimeVersions,
            BatchId = request.BatchId,
            Note = request.Note,
            Breaking = breaking,
        });

        File.WriteAllText(journal.NotePath, noteText(changes, applied with { Written = paths }));
        journal.Update(s => s with { Phase = RunPhases.GitAdd });
        var staged = repository.Add(paths);
        _control.Phase(RunPhases.GitAdd);
        // The lock keeps other codemod runs out, not the user: a commit made meanwhile must not become part of this run.
        var moved = repository.Head();
        if (moved != head)
        {
            return Abandon(journal, before, id, changes, written, paths, $"HEAD moved from {head[..10]} to {moved?[..10]} while the run was writing (a commit was made meanwhile): every file is restored and nothing was committed; run the command again", CommitStatus.HeadMoved) with { Applied = applied, Message = message };
        }

        journal.Update(s => s with { Phase = RunPhases.GitCommit });
        var committed = staged.Succeeded ? repository.Commit(message.Text, paths, request.NoVerify, journal.MessagePath) : staged;
        _control.Phase(RunPhases.GitCommit);
        var commit = committed.Succeeded ? repository.Head() : null;
        if (!committed.Succeeded || commit is null || commit == head)
        {
            var undo = _applier.Undo(repository.Root, written);
            repository.Unstage(paths);
            repository.DeleteTags([before]);
            journal.Delete();
            return new CommitOutcome(CommitStatus.CommitRejected, id, changes) { Applied = applied, Message = message, Detail = committed.Output.Trim() + Undone(undo) };
        }

        journal.Update(s => s with { Phase = RunPhases.Tagging });
        // With --only git commits from a temporary index; a pre-commit hook that re-stages files leaves the real index
        // behind the commit. The run's paths get HEAD's entries, so the index matches what was committed.
        repository.Unstage(paths);
        _control.Phase(RunPhases.Tagging);
        var warnings = new List<string>();
        var after = RunTags.After(id.Value);
        var tags = new List<string> { before };
        var afterTag = repository.CreateTag(after, commit, $"codemod run {id}: {message.Subject}");
        if (afterTag.Succeeded)
        {
            tags.Add(after);
        }
        else
        {
            warnings.Add($"committed, but tag {after} could not be created: {afterTag.FirstLine}");
        }

        var note = repository.AddNote(RunTags.NotesRef, commit, File.ReadAllText(journal.NotePath));
        if (!note.Succeeded)
        {
            warnings.Add($"committed, but the report note ({RunTags.NotesRef}) could not be written: {note.FirstLine}");
        }

        journal.Delete();
        return new CommitOutcome(CommitStatus.Committed, id, changes)
        {
            Applied = applied with { Written = paths },
            Commit = commit,
            Message = message,
            Tags = tags,
            CommittedPaths = paths,
            Warnings = warnings,
            BreakingEntryWritten = breaking.Count > 0,
            Interruption = _control.Cancel.IsCancellationRequested ? $"interrupted after the commit: the run is committed as {commit[..10]} and tagged; undo it with `codemod rollback {id}`" : null,
        };
    }

    // Undoes everything the run did so far (files, index, tag, journal) and says why.
    private CommitOutcome Abandon(RunJournal journal, string before, RunId id, ChangeSet changes, IReadOnlyList<FileOutcome> written, IReadOnlyList<string>? staged, string why, CommitStatus status = CommitStatus.Interrupted)
    {
        var undo = written.Count > 0 ? _applier.Undo(repository.Root, written) : null;
        if (staged is not null)
        {
            repository.Unstage(staged);
        }

        repository.DeleteTags([before]);
        journal.Delete();
        var detail = why + Undone(undo);
        return new CommitOutcome(status, id, changes)
        {
            Detail = detail,
            Interruption = status == CommitStatus.Interrupted ? detail : null,
        };
    }

    /// <summary>Paths relative to the top level; changed files with uncommitted changes become refusals.</summary>
    private static ChangeSet Rebase(ChangeSet changes, string prefix, IReadOnlySet<string> dirty) =>
        changes with
        {
            Files = ChangeSet.Sort(changes.Files.Select(f =>
            {
                var path = prefix + f.Path;
                // A file left alone was not rewritten: its rewrites are not counted.
                return f.Kind == OutcomeKind.Changed && dirty.Contains(path)
                    ? f with { Path = path, Kind = OutcomeKind.Failed, Reason = "has uncommitted changes: not touched (commit or stash them and run again)", NewBytes = null, OriginalBytes = null, Changes = [] }
                    : f with { Path = path };
            })),
        };

    private static ChangeSet WithRefusals(ChangeSet changes, IReadOnlyList<FileOutcome> refused)
    {
        if (refused.Count == 0)
        {
            return changes;
        }

        var byPath = refused.ToDictionary(r => r.Path, StringComparer.Ordinal);
        return changes with { Files = [.. changes.Files.Select(f => byPath.TryGetValue(f.Path, out var r) ? r with { OriginalBytes = null } : f)] };
    }

    private FileOutcome BreakingOutcome(RunId id, ChangeSet changes, IReadOnlyList<BreakingRecord> breaking)
    {
        var full = Path.Combine(repository.Root, BreakingChangesLog.FileName);
        var existing = File.Exists(full) ? File.ReadAllBytes(full) : null;
        return new FileOutcome
        {
            Path = BreakingChangesLog.FileName,
            Kind = OutcomeKind.Changed,
            OriginalBytes = existing,
            OriginalHash = existing is null ? null : ContentHash.Of(existing),
            NewBytes = BreakingChangesLog.AddEntry(existing, id, changes.Codemod, changes.CodemodVersion, breaking),
        };
    }

    private static string Undone(string? undoError) => undoError is null ? string.Empty : $"\nRESTORING FAILED: {undoError}";
}
