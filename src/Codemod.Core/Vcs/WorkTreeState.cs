namespace Codemod.Core.Vcs;

/// <summary>
/// What <c>git status</c> reported, or why it could not: the one definition of a clean or dirty work tree. A status that
/// failed is never clean; <see cref="Entries"/> throws its <see cref="GitFailure"/> as the user's error instead.
/// </summary>
public sealed class WorkTreeState
{
    private readonly IReadOnlyList<GitStatusEntry> _entries;

    private WorkTreeState(IReadOnlyList<GitStatusEntry> entries, GitFailure? failure)
    {
        _entries = entries;
        Failure = failure;
    }

    /// <summary>Why git status failed; null when it answered.</summary>
    public GitFailure? Failure { get; }

    /// <summary>Every path status reported (staged, modified, deleted, untracked); throws when status failed.</summary>
    public IReadOnlyList<GitStatusEntry> Entries => Failure is null ? _entries : throw Failure.ToError();

    public static WorkTreeState Of(IReadOnlyList<GitStatusEntry> entries) => new(entries, null);

    public static WorkTreeState Failed(GitFailure failure) => new([], failure);

    /// <summary>
    /// No changes to tracked files in index or work tree, and, when <paramref name="includeUntracked"/>, no untracked
    /// (not ignored) files either. Throws when status failed: an unknown tree is not a clean one.
    /// </summary>
    public bool IsClean(bool includeUntracked) => Dirty(includeUntracked).Count == 0;

    /// <summary>The paths that make the tree dirty in the sense of <see cref="IsClean"/>.</summary>
    public IReadOnlyList<GitStatusEntry> Dirty(bool includeUntracked) =>
        includeUntracked ? Entries : [.. Entries.Where(e => !e.IsUntracked)];

    /// <summary>Whether the index differs from HEAD (something a commit would record).</summary>
    public bool HasStagedChanges => Entries.Any(e => !e.IsUntracked && e.Index != ' ');

    /// <summary>Every path status reported, as a set.</summary>
    public IReadOnlySet<string> Paths => Entries.Select(e => e.Path).ToHashSet(StringComparer.Ordinal);

    /// <summary>"3 path(s): a.py, b.py, c.py, ..." for error messages.</summary>
    public static string Describe(IReadOnlyList<GitStatusEntry> dirty) =>
        $"{dirty.Count} path(s): {string.Join(", ", dirty.Take(3).Select(d => d.Path))}{(dirty.Count > 3 ? ", ..." : string.Empty)}";
}
