using Codemod.Core.Apply;
using Codemod.Core.Changes;
using Codemod.Core.Vcs;
using Codemod.Git;

namespace Codemod.Cli.Commits;

/// <summary>
/// A write without a commit (plain <c>apply</c>, <c>apply --from-patch</c>): under the repository lock when inside git,
/// recorded in the run journal first, so a crash mid-write is undone by <c>codemod recover</c>.
/// </summary>
internal static class JournalledWrite
{
    /// <summary>
    /// Writes the changed files; with <paramref name="allOrNothing"/>, a file refused at its rename (changed on disk
    /// meanwhile) puts back the files already written. Returns the result and the change set with refusals folded in.
    /// </summary>
    public static (ApplyResult Applied, ChangeSet Changes) Write(string root, ChangeSet changes, ApplyControl control, TimeProvider time, bool allOrNothing = false)
    {
        if (!changes.HasChanges)
        {
            return (new ApplyResult([], [], null), changes);
        }

        var repository = GitRepository.Open(root);
        using var held = repository is null ? null : RepositoryLock.Acquire(repository.GitDirectory);
        var journals = RunJournal.DirectoryFor(repository?.GitDirectory, root);
        RecoveryCheck.RefuseIfPending(journals, repository, root);
        var journal = RunJournal.Begin(journals, new JournalState { Id = RunId.New(time).Value, Kind = JournalKinds.Run, Root = root });
        control.Phase(RunPhases.Before);
        var applier = new ChangeApplier();
        var applied = applier.Apply(root, changes.Files, control with { Journal = journal });
        if (allOrNothing && applied.Refused.Count > 0 && applied.Written.Count > 0)
        {
            var written = changes.Files.Where(f => applied.Written.Contains(f.Path)).ToList();
            var undo = applier.Undo(root, written);
            applied = new ApplyResult([], applied.Refused, undo ?? "a file changed on disk while the patches were applied: the files already written were restored");
        }

        journal.Delete();
        var refused = applied.Refused.ToDictionary(r => r.Path, StringComparer.Ordinal);
        return (applied, changes with { Files = [.. changes.Files.Select(f => refused.TryGetValue(f.Path, out var r) ? r : f)] });
    }
}
