namespace Codemod.Core.Vcs;

/// <summary>
/// The writes: only apply --commit, rollback and plan get this door. Every method runs the git CLI, so the user's
/// hooks and signing configuration apply; failures come back as values with git's output.
/// </summary>
public interface IMutatingGitRepository : IGitRepository
{
    /// <summary>An annotated tag (it records who and when, and survives in shared repositories).</summary>
    GitOperationResult CreateTag(string name, string commit, string message);

    GitOperationResult DeleteTags(IReadOnlyList<string> names);

    /// <summary>Stages exactly these paths and nothing else.</summary>
    GitOperationResult Add(IReadOnlyList<string> paths);

    /// <summary>Returns the index entries of these paths to HEAD's (the undo of <see cref="Add"/>).</summary>
    GitOperationResult Unstage(IReadOnlyList<string> paths);

    /// <summary>
    /// Commits the work-tree content of <paramref name="onlyPaths"/> (everything staged when null) with this message;
    /// other staged changes stay staged and out of the commit. Hooks run unless <paramref name="noVerify"/>.
    /// </summary>
    GitOperationResult Commit(string message, IReadOnlyList<string>? onlyPaths, bool noVerify);

    /// <summary>As <see cref="Commit(string, IReadOnlyList{string}?, bool)"/>, the message written to <paramref name="messageFile"/> first (the caller removes it).</summary>
    GitOperationResult Commit(string message, IReadOnlyList<string>? onlyPaths, bool noVerify, string messageFile);

    /// <summary>Moves the current branch to <paramref name="commit"/>; index and work tree stay exactly as they are.</summary>
    GitOperationResult ResetSoft(string commit);

    /// <summary>Index and work tree of exactly these paths as at <paramref name="source"/> (paths absent there are removed).</summary>
    GitOperationResult RestorePaths(string source, IReadOnlyList<string> paths);

    GitOperationResult AddNote(string notesRef, string commit, string text);

    /// <summary>Moves a ref (e.g. a notes ref) back to <paramref name="commit"/>, or deletes it when null.</summary>
    GitOperationResult SetRef(string name, string? commit);

    /// <summary>Applies the inverse of the commits in (<paramref name="fromExclusive"/>, <paramref name="to"/>] to index and tree, without committing.</summary>
    GitOperationResult RevertNoCommit(string fromExclusive, string to);

    GitOperationResult AbortRevert();

    GitOperationResult ResetHard(string commit);
}
