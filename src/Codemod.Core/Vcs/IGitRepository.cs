namespace Codemod.Core.Vcs;

/// <summary>
/// Read-only view of a git repository. Paths in and out are relative to the work tree's top level (<see cref="Root"/>)
/// and '/'-separated; nothing here changes the repository, so preview and history can hold one safely.
/// </summary>
public interface IGitRepository
{
    /// <summary>Absolute path of the work tree's top level.</summary>
    string Root { get; }

    /// <summary>Absolute path of the git directory (per work tree): the run journal and the repository lock live there.</summary>
    string GitDirectory { get; }

    /// <summary>The folder the repository was opened from, relative to <see cref="Root"/> ("" or ending in '/').</summary>
    string Prefix { get; }

    /// <summary>The commit HEAD points at; null on a branch with no commit yet.</summary>
    string? Head();

    /// <summary>The commit a revision (id, tag, branch) names; null when it names none.</summary>
    string? ResolveCommit(string revision);

    /// <summary>Staged, modified, deleted and untracked (not ignored) paths, or why git status failed.</summary>
    WorkTreeState Status();

    /// <summary>Tags whose name starts with <paramref name="prefix"/>.</summary>
    IReadOnlyList<GitTag> Tags(string prefix);

    /// <summary>Names of the tags starting with <paramref name="prefix"/> whose commit is reachable from HEAD.</summary>
    IReadOnlySet<string> TagsReachableFromHead(string prefix);

    bool IsAncestor(string ancestor, string descendant);

    /// <summary>Remote-tracking branches that contain the commit: non-empty means it was pushed.</summary>
    IReadOnlyList<string> RemoteBranchesContaining(string commit);

    GitCommitInfo? Commit(string revision);

    /// <summary>Commits reachable from HEAD that carry trailer <paramref name="key"/>, newest first.</summary>
    IReadOnlyList<GitCommitInfo> CommitsWithTrailer(string key);

    /// <summary>The commits in (<paramref name="fromExclusive"/>, <paramref name="to"/>], newest first, first-parent or not.</summary>
    IReadOnlyList<GitCommitInfo> CommitsBetween(string fromExclusive, string to);

    /// <summary>Paths whose content differs between two revisions (renames reported as delete + add).</summary>
    IReadOnlyList<string> ChangedPaths(string from, string to);

    /// <summary>The blob id of each path at <paramref name="revision"/>; null for a path absent there.</summary>
    IReadOnlyDictionary<string, string?> BlobIds(string revision, IReadOnlyList<string> paths);

    /// <summary>The note attached to a commit under <paramref name="notesRef"/>, or null.</summary>
    string? ReadNote(string notesRef, string commit);
}
