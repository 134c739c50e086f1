using Codemod.Core.Apply;
using Codemod.Core.Files;

namespace Codemod.Core.Vcs;

/// <summary>
/// Finishes or undoes the runs a crash interrupted, from their journals. A run whose commit landed (HEAD carries its
/// <c>Codemod-Run</c> trailer) is completed: tags, note and index as a finished run leaves them. Any other run is put
/// back to exactly its pre-images; a file the user changed since is left alone and named. Temp files, message files and
/// orphan tags go. A plan batch then returns to its start the way a failed batch does. Says what it did, line by line.
/// </summary>
public sealed class RunRecovery(string journalDirectory, IMutatingGitRepository? repository)
{
    private readonly ChangeApplier _applier = new();

    /// <summary>The journals of runs no live process is writing.</summary>
    public IReadOnlyList<RunJournal> Pending() =>
        [.. RunJournal.FindAll(journalDirectory).Where(j => j.State.ProcessId == Environment.ProcessId || !RepositoryLock.IsAlive(j.State.ProcessId, j.State.ProcessStart))];

    /// <summary>Recovers every pending journal; returns what was done and whether anything still needs the user.</summary>
    public (IReadOnlyList<string> Lines, bool Complete) Recover()
    {
        var lines = new List<string>();
        var complete = true;
        foreach (var journal in Pending())
        {
            var (said, done) = journal.State.Kind == JournalKinds.Plan ? RecoverPlan(journal) : RecoverRun(journal);
            lines.AddRange(said);
            complete &= done;
        }

        // Message files of commits that never returned (a rollback's revert commit) are debris too.
        if (repository is not null && RepositoryLock.Owner(Path.Combine(repository.GitDirectory, RepositoryLock.FileName)) is null)
        {
            foreach (var stray in Directory.EnumerateFiles(repository.GitDirectory, "codemod-commit-*.txt"))
            {
                File.Delete(stray);
            }
        }

        return (lines, complete);
    }

    private (List<string>, bool) RecoverRun(RunJournal journal)
    {
        var state = journal.State;
        var id = state.Id;
        var lines = new List<string>();
        var paths = state.Files.Select(f => f.Path).ToList();
        var landed = repository is not null && state.Commits && state.StartCommit is not null ? LandedCommit(state) : null;
        RemoveTemps(journal);
        if (landed is not null)
        {
            repository!.Unstage(paths);
            var tags = repository.Tags(RunTags.Prefix).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
            if (!tags.Contains(RunTags.Before(id)))
            {
                repository.CreateTag(RunTags.Before(id), state.StartCommit!, $"codemod run {id}: rollback point (recovered)");
            }

            var subject = repository.Commit(landed)?.Subject ?? id;
            if (!tags.Contains(RunTags.After(id)))
            {
                repository.CreateTag(RunTags.After(id), landed, $"codemod run {id}: {subject}");
            }

            if (repository.ReadNote(RunTags.NotesRef, landed) is null && File.Exists(journal.NotePath))
            {
                repository.AddNote(RunTags.NotesRef, landed, File.ReadAllText(journal.NotePath));
            }

            journal.Delete();
            lines.Add($"completed run {id}: its commit {landed[..10]} had landed; tagged {RunTags.After(id)}, index matches the commit");
            return (lines, true);
        }

        var (restored, untouched, kept) = RestoreFiles(journal);
        // Only a committing run staged anything; a plain apply leaves the user's index alone, and so does its undo.
        if (repository is not null && state.Commits && paths.Count > 0)
        {
            repository.Unstage(paths);
        }

        if (repository is not null)
        {
            var existing = repository.Tags(RunTags.Prefix).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
            repository.DeleteTags([.. new[] { RunTags.Before(id), RunTags.After(id) }.Where(existing.Contains)]);
        }

        journal.Delete();
        var summary = $"rolled back run {id} (interrupted at {state.Phase}): {restored} file(s) restored to their pre-run bytes, {untouched} had not been replaced";
        lines.Add(kept.Count == 0 ? summary : summary + $"; {kept.Count} changed since by someone else, left as they are: {string.Join(", ", kept.Take(5))}");
        return (lines, kept.Count == 0);
    }

    private (List<string>, bool) RecoverPlan(RunJournal journal)
    {
        var state = journal.State;
        if (repository is null || state.StartCommit is null)
        {
            journal.Delete();
            return ([$"plan {state.Id}: nothing to undo"], true);
        }

        var tags = new List<string> { RunTags.Before(state.Id), RunTags.After(state.Id) };
        foreach (var step in state.Steps)
        {
            tags.AddRange([RunTags.Before(step), RunTags.After(step)]);
        }

        var problems = BatchUndo.ReturnToStart(repository, state.StartCommit, state.Id, tags, state.NotesTip);
        if (problems.Count > 0)
        {
            return ([$"plan {state.Id} could not be returned to its start {state.StartCommit[..10]}: {string.Join("; ", problems)}"], false);
        }

        journal.Delete();
        return ([$"returned plan {state.Id} to its start {state.StartCommit[..10]}: its commits, tags and notes are gone, other changes untouched"], true);
    }

    private string? LandedCommit(JournalState state)
    {
        var head = repository!.Head();
        if (head is null || head == state.StartCommit)
        {
            return null;
        }

        return repository.CommitsBetween(state.StartCommit!, head)
            .FirstOrDefault(c => c.Trailer(CommitTrailers.Run).Contains(state.Id))?.Id;
    }

    private (int Restored, int Untouched, List<string> Kept) RestoreFiles(RunJournal journal)
    {
        var (restored, untouched, kept) = (0, 0, new List<string>());
        foreach (var file in journal.State.Files)
        {
            var target = Path.Combine(journal.State.Root, file.Path);
            var now = File.Exists(target) ? ContentHash.Of(File.ReadAllBytes(target)) : null;
            if (now == file.OriginalHash)
            {
                untouched++;
            }
            else if (now == file.NewHash)
            {
                _applier.Put(target, journal.PreImage(file));
                restored++;
            }
            else
            {
                kept.Add(file.Path);
            }
        }

        return (restored, untouched, kept);
    }

    private static void RemoveTemps(RunJournal journal)
    {
        foreach (var file in journal.State.Files)
        {
            File.Delete(Path.Combine(journal.State.Root, file.Temp));
        }
    }
}
