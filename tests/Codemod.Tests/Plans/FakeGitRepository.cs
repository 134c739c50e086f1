using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Codemod.Core.Vcs;

namespace Codemod.Tests.Plans;

/// <summary>
/// A git repository kept in memory over a real work-tree folder (the engine writes files there): commits are
/// snapshots of file bytes, the index a dictionary, tags, refs and notes plain maps. No process is started. It follows
/// git's semantics where the batch engine depends on them: <c>commit --only</c> takes the paths' work-tree content,
/// <c>reset --soft</c> moves only the branch, <c>restore --source --staged --worktree</c> sets index and file.
/// </summary>
internal sealed partial class FakeGitRepository : IMutatingGitRepository
{
    private readonly Dictionary<string, Snapshot> _commits = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]> _index = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GitTag> _tags = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _refs = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Ref, string Commit), string> _notes = [];
    private string? _head;
    private int _clock;

    private sealed record Snapshot(string Id, string? Parent, string Message, IReadOnlyDictionary<string, byte[]> Files, DateTimeOffset Date);

    /// <summary>Commits every file under <paramref name="root"/> as the first commit; the git directory is a separate folder.</summary>
    public FakeGitRepository(string root, string gitDirectory)
    {
        Root = root;
        GitDirectory = gitDirectory;
        var files = WorkTree();
        foreach (var (path, bytes) in files)
        {
            _index[path] = bytes;
        }

        _head = NewCommit(null, "initial\n", files);
    }

    /// <summary>Decides, for the n-th commit the engine asks for (1-based), whether git refuses it (a hook failing).</summary>
    public Func<int, bool> RefuseCommit { get; set; } = _ => false;

    public int CommitRequests { get; private set; }

    public string Root { get; }

    public string GitDirectory { get; }

    public string Prefix => string.Empty;

    public IReadOnlyCollection<string> TagNames => _tags.Keys;

    public string? Head() => _head;

    public string? ResolveCommit(string revision) =>
        _commits.ContainsKey(revision) ? revision
        : _tags.TryGetValue(revision, out var tag) ? tag.Commit
        : _refs.TryGetValue(revision, out var target) ? target
        : revision == "HEAD" ? _head : null;

    public WorkTreeState Status() => WorkTreeState.Of(Entries());

    private List<GitStatusEntry> Entries()
    {
        var head = HeadFiles();
        var disk = WorkTree();
        var entries = new List<GitStatusEntry>();
        foreach (var path in head.Keys.Union(_index.Keys).Union(disk.Keys).Order(StringComparer.Ordinal))
        {
            if (!head.ContainsKey(path) && !_index.ContainsKey(path))
            {
                entries.Add(new GitStatusEntry(path, '?', '?'));
                continue;
            }

            var index = Compare(head.GetValueOrDefault(path), _index.GetValueOrDefault(path));
            var tree = Compare(_index.GetValueOrDefault(path), disk.GetValueOrDefault(path));
            if (index != ' ' || tree != ' ')
            {
                entries.Add(new GitStatusEntry(path, index, tree));
            }
        }

        return entries;
    }

    public IReadOnlyList<GitTag> Tags(string prefix) => [.. _tags.Values.Where(t => t.Name.StartsWith(prefix, StringComparison.Ordinal)).OrderBy(t => t.Name, StringComparer.Ordinal)];

    public IReadOnlySet<string> TagsReachableFromHead(string prefix)
    {
        var reachable = Ancestry(_head).ToHashSet(StringComparer.Ordinal);
        return Tags(prefix).Where(t => reachable.Contains(t.Commit)).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
    }

    public bool IsAncestor(string ancestor, string descendant) => Ancestry(descendant).Contains(ancestor);

    public IReadOnlyList<string> RemoteBranchesContaining(string commit) => [];

    public GitCommitInfo? Commit(string revision) => ResolveCommit(revision) is { } id ? Info(_commits[id]) : null;

    public IReadOnlyList<GitCommitInfo> CommitsWithTrailer(string key) =>
        [.. Ancestry(_head).Select(id => Info(_commits[id])).Where(c => c.Trailer(key).Count > 0)];

    public IReadOnlyList<GitCommitInfo> CommitsBetween(string fromExclusive, string to) =>
        [.. Ancestry(to).TakeWhile(id => id != fromExclusive).Select(id => Info(_commits[id]))];

    public IReadOnlyList<string> ChangedPaths(string from, string to)
    {
        var a = _commits[ResolveCommit(from)!].Files;
        var b = _commits[ResolveCommit(to)!].Files;
        return [.. a.Keys.Union(b.Keys).Where(p => Compare(a.GetValueOrDefault(p), b.GetValueOrDefault(p)) != ' ').Order(StringComparer.Ordinal)];
    }

    public IReadOnlyDictionary<string, string?> BlobIds(string revision, IReadOnlyList<string> paths)
    {
        var files = _commits[ResolveCommit(revision)!].Files;
        return paths.ToDictionary(p => p, p => files.TryGetValue(p, out var bytes) ? Convert.ToHexStringLower(SHA1.HashData(bytes)) : null, StringComparer.Ordinal);
    }

    public string? ReadNote(string notesRef, string commit) => _notes.GetValueOrDefault((notesRef, commit));

    public IReadOnlyList<string> ListFiles() => [.. WorkTree().Keys];

    public GitOperationResult CreateTag(string name, string commit, string message)
    {
        if (!_tags.TryAdd(name, new GitTag(name, commit, message)))
        {
            return new GitOperationResult(false, $"fatal: tag '{name}' already exists");
        }

        return Ok;
    }

    public GitOperationResult DeleteTags(IReadOnlyList<string> names)
    {
        foreach (var name in names)
        {
            _tags.Remove(name);
        }

        return Ok;
    }

    public GitOperationResult Add(IReadOnlyList<string> paths)
    {
        var disk = WorkTree();
        foreach (var path in paths)
        {
            SetIndex(path, disk.GetValueOrDefault(path));
        }

        return Ok;
    }

    public GitOperationResult Unstage(IReadOnlyList<string> paths)
    {
        var head = HeadFiles();
        foreach (var path in paths)
        {
            SetIndex(path, head.GetValueOrDefault(path));
        }

        return Ok;
    }

    public GitOperationResult Commit(string message, IReadOnlyList<string>? onlyPaths, bool noVerify) => Commit(message, onlyPaths, noVerify, string.Empty);

    public GitOperationResult Commit(string message, IReadOnlyList<string>? onlyPaths, bool noVerify, string messageFile)
    {
        CommitRequests++;
        if (RefuseCommit(CommitRequests))
        {
            return new GitOperationResult(false, "pre-commit hook failed: lint error");
        }

        var files = new Dictionary<string, byte[]>(HeadFiles(), StringComparer.Ordinal);
        var disk = WorkTree();
        foreach (var path in onlyPaths ?? [.. _index.Keys])
        {
            var bytes = onlyPaths is null ? _index.GetValueOrDefault(path) : disk.GetValueOrDefault(path);
            SetIndex(path, bytes);
            if (bytes is null)
            {
                files.Remove(path);
            }
            else
            {
                files[path] = bytes;
            }
        }

        _head = NewCommit(_head, message, files);
        return Ok;
    }

    public GitOperationResult ResetSoft(string commit)
    {
        _head = ResolveCommit(commit);
        return Ok;
    }

    public GitOperationResult RestorePaths(string source, IReadOnlyList<string> paths)
    {
        var files = _commits[ResolveCommit(source)!].Files;
        foreach (var path in paths)
        {
            var full = Path.Combine(Root, path);
            SetIndex(path, files.GetValueOrDefault(path));
            if (files.TryGetValue(path, out var bytes))
            {
                File.WriteAllBytes(full, bytes);
            }
            else
            {
                File.Delete(full);
            }
        }

        return Ok;
    }

    public GitOperationResult AddNote(string notesRef, string commit, string text)
    {
        _notes[(notesRef, commit)] = text;
        _refs[notesRef] = NewCommit(_refs.GetValueOrDefault(notesRef), "notes\n", new Dictionary<string, byte[]>());
        return Ok;
    }

    public GitOperationResult SetRef(string name, string? commit)
    {
        if (commit is null)
        {
            _refs.Remove(name);
        }
        else
        {
            _refs[name] = commit;
        }

        return Ok;
    }

    public GitOperationResult RevertNoCommit(string fromExclusive, string to) => throw new NotSupportedException("not used by the batch engine");

    public GitOperationResult AbortRevert() => throw new NotSupportedException("not used by the batch engine");

    public GitOperationResult ResetHard(string commit) => throw new NotSupportedException("not used by the batch engine");

    private static readonly GitOperationResult Ok = new(true, string.Empty);

    private static char Compare(byte[]? before, byte[]? after) =>
        before is null && after is null ? ' '
        : before is null ? 'A'
        : after is null ? 'D'
        : before.AsSpan().SequenceEqual(after) ? ' ' : 'M';

    private IReadOnlyDictionary<string, byte[]> HeadFiles() => _head is null ? new Dictionary<string, byte[]>() : _commits[_head].Files;

    private void SetIndex(string path, byte[]? bytes)
    {
        if (bytes is null)
        {
            _index.Remove(path);
        }
        else
        {
            _index[path] = bytes;
        }
    }

    private Dictionary<string, byte[]> WorkTree() =>
        Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(Root, f).Replace(Path.DirectorySeparatorChar, '/'), File.ReadAllBytes, StringComparer.Ordinal);

    private string NewCommit(string? parent, string message, IReadOnlyDictionary<string, byte[]> files)
    {
        var id = Convert.ToHexStringLower(SHA1.HashData(Guid.NewGuid().ToByteArray()));
        _commits[id] = new Snapshot(id, parent, message, new Dictionary<string, byte[]>(files, StringComparer.Ordinal), DateTimeOffset.UnixEpoch.AddMinutes(++_clock));
        return id;
    }

    private IEnumerable<string> Ancestry(string? from)
    {
        for (var id = from; id is not null; id = _commits[id].Parent)
        {
            yield return id;
        }
    }

    private static GitCommitInfo Info(Snapshot commit)
    {
        var trailers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (Match match in TrailerLine().Matches(commit.Message))
        {
            var key = match.Groups[1].Value;
            trailers[key] = [.. trailers.GetValueOrDefault(key) ?? [], match.Groups[2].Value.Trim()];
        }

        return new GitCommitInfo(commit.Id, commit.Message.Split('\n')[0], commit.Date, trailers);
    }

    [GeneratedRegex(@"^([A-Za-z][A-Za-z-]*): (.+)$", RegexOptions.Multiline)]
    private static partial Regex TrailerLine();
}
