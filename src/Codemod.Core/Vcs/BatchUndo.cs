namespace Codemod.Core.Vcs;

/// <summary>
/// Returns a repository to a plan batch's start undoing only what the batch did: the branch moves back over the
/// batch's own commits, the files those commits changed get their start content in index and work tree, the batch's
/// tags go and the notes ref is put back. Every other change in the work tree and index stays exactly as the user left
/// it. When a commit in the range is not the batch's, or the user changed a file the batch must restore, nothing is
/// touched and the problem is returned.
/// </summary>
public static class BatchUndo
{
    public static List<string> ReturnToStart(IMutatingGitRepository repository, string start, string batchId, IReadOnlyList<string> tags, string? notesTip)
    {
        var problems = new List<string>();
        var head = repository.Head();
        if (head is not null && head != start)
        {
            if (!repository.IsAncestor(start, head))
            {
                return [$"HEAD {head[..10]} no longer descends from the batch's start {start[..10]} (another branch is checked out): nothing was undone"];
            }

            var foreign = repository.CommitsBetween(start, head).FirstOrDefault(c => !c.Trailer(CommitTrailers.Batch).Contains(batchId));
            if (foreign is not null)
            {
                return [$"commit {foreign.Id[..10]} ({foreign.Subject}) is not the batch's own: undoing the batch would drop it, so nothing was undone"];
            }

            var paths = repository.ChangedPaths(start, head);
            var wanted = paths.ToHashSet(StringComparer.Ordinal);
            var state = repository.Status();
            if (state.Failure is not null)
            {
                return [$"`git {state.Failure.Command}` failed (exit {state.Failure.ExitCode}): {state.Failure.Message}: nothing was undone"];
            }

            var edited = state.Entries.Where(s => wanted.Contains(s.Path)).Select(s => s.Path).Distinct().ToList();
            if (edited.Count > 0)
            {
                return [$"uncommitted changes to {string.Join(", ", edited.Take(5))} touch files the batch must restore: nothing was undone (commit or stash them, then run `codemod recover`)"];
            }

            var moved = repository.ResetSoft(start);
            if (!moved.Succeeded)
            {
                return [$"git reset --soft {start[..10]} failed: {moved.FirstLine}"];
            }

            var restored = repository.RestorePaths(start, paths);
            if (!restored.Succeeded)
            {
                problems.Add($"restoring the batch's files from {start[..10]} failed: {restored.FirstLine}");
            }
        }

        var existing = repository.Tags(RunTags.Prefix).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var deleted = repository.DeleteTags([.. tags.Distinct().Where(existing.Contains)]);
        if (!deleted.Succeeded)
        {
            problems.Add($"deleting the batch's tags failed: {deleted.FirstLine}");
        }

        if (repository.ResolveCommit(RunTags.NotesRef) != notesTip)
        {
            var notes = repository.SetRef(RunTags.NotesRef, notesTip);
            if (!notes.Succeeded)
            {
                problems.Add($"restoring {RunTags.NotesRef} failed: {notes.FirstLine}");
            }
        }

        return problems;
    }
}
