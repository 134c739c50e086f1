using Codemod.Core.Vcs;
using LibGit2Sharp;

namespace Codemod.Git;

/// <summary>
/// The history reads (and the rollback tags and notes) in-process through LibGit2Sharp: no process per call, which is
/// what <c>history</c> over hundreds of runs costs. Each method answers exactly what its git CLI twin in
/// <see cref="GitRepository"/> answers; a LibGit2Sharp exception goes to the caller, which then asks the CLI.
/// </summary>
internal sealed class LibGit2Reads(string root) : IDisposable
{
    private readonly Repository _repository = new(root);

    /// <summary>Whether an exception means "libgit2 cannot do this here" (unsupported repository, native library missing).</summary>
    public static bool IsLibGit2Failure(Exception e) =>
        e is LibGit2SharpException or DllNotFoundException or EntryPointNotFoundException or BadImageFormatException or TypeInitializationException;

    /// <summary>The libgit2 build and the LibGit2Sharp release carrying it, e.g. "libgit2 5853918 (LibGit2Sharp 0.32.0)".</summary>
    public static string Version()
    {
        var version = GlobalSettings.Version;
        return $"libgit2 {version.LibGit2CommitSha} (LibGit2Sharp {version.InformationalVersion.Split('+')[0]})";
    }

    public IReadOnlyList<GitTag> Tags(string prefix) =>
        [.. _repository.Tags
            .Where(t => t.CanonicalName.StartsWith("refs/tags/" + prefix, StringComparison.Ordinal))
            .OrderBy(t => t.CanonicalName, StringComparer.Ordinal)
            .Select(t => new GitTag(t.FriendlyName, Peel(t), t.Annotation is { } a ? CommitMessageText.Subject(a.Message ?? string.Empty) : SubjectOf(t.Target)))];

    public IReadOnlySet<string> TagsReachableFromHead(string prefix)
    {
        var head = _repository.Head.Tip;
        var reachable = new HashSet<string>(StringComparer.Ordinal);
        if (head is null)
        {
            return reachable;
        }

        var wanted = _repository.Tags.Where(t => t.CanonicalName.StartsWith("refs/tags/" + prefix, StringComparison.Ordinal)).ToList();
        var commits = _repository.Commits.QueryBy(new CommitFilter { IncludeReachableFrom = head, SortBy = CommitSortStrategies.None }).Select(c => c.Sha).ToHashSet(StringComparer.Ordinal);
        foreach (var tag in wanted.Where(t => commits.Contains(Peel(t))))
        {
            reachable.Add(tag.FriendlyName);
        }

        return reachable;
    }

    public bool IsAncestor(string ancestor, string descendant)
    {
        var a = _repository.Lookup<Commit>(ancestor);
        var d = _repository.Lookup<Commit>(descendant);
        return a is not null && d is not null && _repository.ObjectDatabase.FindMergeBase(a, d)?.Sha == a.Sha;
    }

    public GitCommitInfo? Commit(string revision) => _repository.Lookup<Commit>(revision) is { } commit ? Info(commit) : null;

    public IReadOnlyList<GitCommitInfo> CommitsWithTrailer(string key)
    {
        var head = _repository.Head.Tip;
        if (head is null)
        {
            return [];
        }

        // As `git log -E --grep=^key:`: a line of the message starts with the key (case-sensitive), then the trailer check.
        return [.. Walk(head, null)
            .Where(c => c.Message.Split('\n').Any(l => l.StartsWith(key + ":", StringComparison.Ordinal)))
            .Select(Info)
            .Where(c => c.Trailer(key).Count > 0)];
    }

    public IReadOnlyList<GitCommitInfo> CommitsBetween(string fromExclusive, string to)
    {
        var tip = _repository.Lookup<Commit>(to);
        var from = _repository.Lookup<Commit>(fromExclusive);
        return tip is null || from is null ? [] : [.. Walk(tip, from).Select(Info)];
    }

    /// <summary>As <c>git diff-tree -r --name-only --no-renames</c>: every leaf path whose mode or object differs.</summary>
    public IReadOnlyList<string> ChangedPaths(string from, string to)
    {
        var a = _repository.Lookup<Commit>(from);
        var b = _repository.Lookup<Commit>(to);
        if (a is null || b is null)
        {
            return [];
        }

        var paths = new SortedSet<string>(StringComparer.Ordinal);
        Compare(a.Tree, b.Tree, string.Empty, paths);
        return [.. paths];
    }

    public IReadOnlyDictionary<string, string?> BlobIds(string revision, IReadOnlyList<string> paths)
    {
        var tree = _repository.Lookup<Commit>(revision)?.Tree;
        var ids = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var path in paths.Distinct(StringComparer.Ordinal))
        {
            var entry = tree?[path];
            ids[path] = entry is { TargetType: TreeEntryTargetType.Blob } ? entry.Target.Sha : null;
        }

        return ids;
    }

    public string? ReadNote(string notesRef, string commit)
    {
        var target = _repository.Lookup<Commit>(commit);
        return target is null ? null : _repository.Notes[NotesNamespace(notesRef), target.Id]?.Message;
    }

    /// <summary>
    /// Whether tags and notes can be written here as git would write them: not when git would sign the tag
    /// (<c>tag.gpgSign</c>, <c>tag.forceSignAnnotated</c>), and only with an identity git would use too.
    /// </summary>
    public Signature? WriterSignature()
    {
        var config = _repository.Config;
        if (config.Get<bool>("tag.gpgSign")?.Value == true || config.Get<bool>("tag.forceSignAnnotated")?.Value == true
            || Environment.GetEnvironmentVariable("GIT_COMMITTER_DATE") is not null)
        {
            return null;
        }

        var name = Environment.GetEnvironmentVariable("GIT_COMMITTER_NAME") ?? config.Get<string>("user.name")?.Value;
        var email = Environment.GetEnvironmentVariable("GIT_COMMITTER_EMAIL") ?? config.Get<string>("user.email")?.Value;
        return string.IsNullOrEmpty(name) || string.IsNullOrEmpty(email) ? null : new Signature(name, email, DateTimeOffset.Now);
    }

    /// <summary>An annotated tag; false (and nothing written) when the name exists already, as <c>git tag</c> refuses.</summary>
    public GitOperationResult CreateTag(string name, string commit, string message, Signature tagger)
    {
        if (_repository.Tags[name] is not null)
        {
            return new GitOperationResult(false, $"fatal: tag '{name}' already exists");
        }

        var target = _repository.Lookup<Commit>(commit);
        if (target is null)
        {
            return new GitOperationResult(false, $"fatal: Failed to resolve '{commit}' as a valid ref.");
        }

        _repository.Tags.Add(name, target, tagger, CommitMessageText.Cleanup(message), allowOverwrite: false);
        return new GitOperationResult(true, string.Empty);
    }

    public GitOperationResult AddNote(string notesRef, string commit, string text, Signature author)
    {
        var target = _repository.Lookup<Commit>(commit);
        if (target is null)
        {
            return new GitOperationResult(false, $"error: failed to resolve '{commit}' as a valid ref.");
        }

        _repository.Notes.Add(target.Id, CommitMessageText.Cleanup(text), author, author, NotesNamespace(notesRef));
        return new GitOperationResult(true, string.Empty);
    }

    public void Dispose() => _repository.Dispose();

    // git log's default order: newest committer date first.
    private IEnumerable<Commit> Walk(Commit tip, Commit? exclude) =>
        _repository.Commits.QueryBy(new CommitFilter { IncludeReachableFrom = tip, ExcludeReachableFrom = exclude, SortBy = CommitSortStrategies.Time });

    private static GitCommitInfo Info(Commit commit) => new(
        commit.Sha,
        CommitMessageText.Subject(commit.Message),
        commit.Committer.When,
        CommitMessageText.Trailers(commit.Message));

    private static string Peel(Tag tag) => (tag.PeeledTarget as Commit)?.Sha ?? tag.PeeledTarget.Sha;

    private static string SubjectOf(GitObject target) => target is Commit commit ? CommitMessageText.Subject(commit.Message) : string.Empty;

    // `git notes --ref=X`: X under refs/notes/ unless it is already a full ref there.
    private static string NotesNamespace(string notesRef) =>
        notesRef.StartsWith("refs/notes/", StringComparison.Ordinal) ? notesRef["refs/notes/".Length..] : notesRef;

    private static void Compare(Tree? a, Tree? b, string prefix, SortedSet<string> paths)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var entry in (IEnumerable<TreeEntry>?)a ?? [])
        {
            names.Add(entry.Name);
        }

        foreach (var entry in (IEnumerable<TreeEntry>?)b ?? [])
        {
            names.Add(entry.Name);
        }

        foreach (var name in names)
        {
            var left = a?[name];
            var right = b?[name];
            if (left is not null && right is not null && left.Mode == right.Mode && left.Target.Id == right.Target.Id)
            {
                continue;
            }

            var path = prefix + name;
            var leftTree = left?.Target as Tree;
            var rightTree = right?.Target as Tree;
            if (leftTree is not null || rightTree is not null)
            {
                Compare(leftTree, rightTree, path + "/", paths);
            }

            if ((left is not null && leftTree is null) || (right is not null && rightTree is null))
            {
                paths.Add(path);
            }
        }
    }
}
