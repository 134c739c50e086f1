using System.Globalization;
using Codemod.Core.Vcs;

namespace Codemod.Git;

/// <summary>
/// <see cref="IMutatingGitRepository"/>. The rule: LibGit2Sharp (in-process) reads the history — tags, commits,
/// trailers, notes, tree comparisons — and writes rollback tags and notes (unless git would sign the tag); the git CLI
/// does everything that touches the work tree or the index (status, add, commit, revert, reset, restore), so hooks,
/// signing, sparse checkouts, fsmonitor and filter drivers behave as the user configured them. A read LibGit2Sharp
/// cannot do (an unsupported repository extension, the native library missing) is asked of the CLI instead.
/// CLI commands run at the top level so every path is relative to it; paths travel NUL-separated (<c>-z</c>,
/// <c>--pathspec-file-nul</c>) and literally (<c>--literal-pathspecs</c>), so names with spaces, newlines, '*' or ':'
/// mean themselves.
/// </summary>
public sealed class GitRepository : IMutatingGitRepository, IDisposable
{
    private const string LiteralPaths = "--literal-pathspecs";
    private readonly GitCli _git;
    private LibGit2Reads? _inProcess;
    private bool _inProcessUnavailable;

    private GitRepository(string root, string prefix, string gitDirectory, GitReads reads)
    {
        Root = root;
        Prefix = prefix;
        GitDirectory = gitDirectory;
        _git = new GitCli(root);
        _inProcessUnavailable = reads == GitReads.Cli;
    }

    /// <summary>The libgit2 version LibGit2Sharp loads, or why it cannot load.</summary>
    public static string LibGit2Version()
    {
        try
        {
            return LibGit2Reads.Version();
        }
        catch (Exception e) when (LibGit2Reads.IsLibGit2Failure(e))
        {
            return $"not loadable ({e.GetType().Name}: {e.Message})";
        }
    }

    /// <summary>Whether the last read went through LibGit2Sharp (false after a fallback to the CLI); for tests.</summary>
    internal bool ReadsInProcess => !_inProcessUnavailable;

    public string Root { get; }

    public string Prefix { get; }

    public string GitDirectory { get; }

    /// <summary>The repository whose work tree holds <paramref name="directory"/>; null outside any.</summary>
    public static GitRepository? Open(string directory, GitReads reads = GitReads.InProcess)
    {
        var probe = new GitCli(directory).Run("rev-parse", "--show-toplevel", "--show-prefix", "--absolute-git-dir");
        if (!probe.Succeeded)
        {
            return null;
        }

        var lines = probe.StandardOutput.Split('\n');
        return lines.Length < 3 || lines[0].Length == 0 ? null : new GitRepository(lines[0].Trim(), lines[1].TrimEnd('\r'), lines[2].Trim(), reads);
    }

    public string? Head() => ResolveCommit("HEAD");

    public string? ResolveCommit(string revision)
    {
        if (revision.StartsWith('-'))
        {
            return null;
        }

        var result = _git.Run("rev-parse", "--verify", "--quiet", revision + "^{commit}");
        return result.Succeeded ? result.StandardOutput.Trim() : null;
    }

    public WorkTreeState Status()
    {
        var result = _git.Run("status", "--porcelain=v1", "-z", "--untracked-files=all");
        if (!result.Succeeded)
        {
            return WorkTreeState.Failed(new GitFailure("status", result.ExitCode, result.FirstErrorLine, result.CouldNotStart));
        }

        var entries = new List<GitStatusEntry>();
        var fields = result.StandardOutput.Split('\0');
        for (var i = 0; i < fields.Length; i++)
        {
            var field = fields[i];
            if (field.Length < 4)
            {
                continue;
            }

            entries.Add(new GitStatusEntry(field[3..], field[0], field[1]));
            // A rename or copy is followed by its source path, which has changed too (it is gone).
            if ((field[0] is 'R' or 'C') && i + 1 < fields.Length)
            {
                entries.Add(new GitStatusEntry(fields[++i], field[0], field[1]));
            }
        }

        return WorkTreeState.Of(entries);
    }

    public IReadOnlyList<GitTag> Tags(string prefix) => Read(g => g.Tags(prefix), () => CliTags(prefix));

    private IReadOnlyList<GitTag> CliTags(string prefix)
    {
        var result = _git.Run("for-each-ref", "--format=%(refname)%00%(objectname)%00%(*objectname)%00%(contents:subject)", "refs/tags/" + prefix);
        return [.. Lines(result).Select(l => l.Split('\0')).Where(f => f.Length >= 4).Select(f => new GitTag(
            f[0]["refs/tags/".Length..],
            f[2].Length > 0 ? f[2] : f[1],
            f[3]))];
    }

    public IReadOnlySet<string> TagsReachableFromHead(string prefix) => Read(g => g.TagsReachableFromHead(prefix), () => CliTagsReachableFromHead(prefix));

    private IReadOnlySet<string> CliTagsReachableFromHead(string prefix)
    {
        var result = _git.Run("for-each-ref", "--merged", "HEAD", "--format=%(refname)", "refs/tags/" + prefix);
        return Lines(result).Select(l => l["refs/tags/".Length..]).ToHashSet(StringComparer.Ordinal);
    }

    public bool IsAncestor(string ancestor, string descendant) => Read(g => g.IsAncestor(ancestor, descendant), () => CliIsAncestor(ancestor, descendant));

    private bool CliIsAncestor(string ancestor, string descendant) => _git.Run("merge-base", "--is-ancestor", ancestor, descendant).ExitCode == 0;

    public IReadOnlyList<string> RemoteBranchesContaining(string commit) =>
        [.. Lines(_git.Run("for-each-ref", "--contains", commit, "--format=%(refname:short)", "refs/remotes/"))];

    public GitCommitInfo? Commit(string revision) => revision.StartsWith('-') ? null : Read(g => g.Commit(revision), () => CliCommit(revision));

    private GitCommitInfo? CliCommit(string revision)
    {
        var result = _git.Run("-c", "log.showSignature=false", "show", "-s", "--format=" + CommitFormat, revision, "--");
        return result.Succeeded ? ParseCommits(result.StandardOutput).FirstOrDefault() : null;
    }

    public IReadOnlyList<GitCommitInfo> CommitsWithTrailer(string key) => Read(g => g.CommitsWithTrailer(key), () => CliCommitsWithTrailer(key));

    private IReadOnlyList<GitCommitInfo> CliCommitsWithTrailer(string key)
    {
        var result = _git.Run("-c", "log.showSignature=false", "log", "--format=" + CommitFormat, "-E", $"--grep=^{key}:", "HEAD", "--");
        return result.Succeeded ? [.. ParseCommits(result.StandardOutput).Where(c => c.Trailer(key).Count > 0)] : [];
    }

    public IReadOnlyList<GitCommitInfo> CommitsBetween(string fromExclusive, string to) => Read(g => g.CommitsBetween(fromExclusive, to), () => CliCommitsBetween(fromExclusive, to));

    private IReadOnlyList<GitCommitInfo> CliCommitsBetween(string fromExclusive, string to)
    {
        var result = _git.Run("-c", "log.showSignature=false", "log", "--format=" + CommitFormat, $"{fromExclusive}..{to}", "--");
        return result.Succeeded ? [.. ParseCommits(result.StandardOutput)] : [];
    }

    public IReadOnlyList<string> ChangedPaths(string from, string to) => Read(g => g.ChangedPaths(from, to), () => CliChangedPaths(from, to));

    private IReadOnlyList<string> CliChangedPaths(string from, string to)
    {
        var result = _git.Run("diff-tree", "-r", "--name-only", "-z", "--no-renames", from, to);
        return result.Succeeded ? [.. result.StandardOutput.Split('\0', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal)] : [];
    }

    public IReadOnlyDictionary<string, string?> BlobIds(string revision, IReadOnlyList<string> paths) => Read(g => g.BlobIds(revision, paths), () => CliBlobIds(revision, paths));

    private IReadOnlyDictionary<string, string?> CliBlobIds(string revision, IReadOnlyList<string> paths)
    {
        var ids = paths.Distinct(StringComparer.Ordinal).ToDictionary(p => p, _ => (string?)null, StringComparer.Ordinal);
        foreach (var chunk in paths.Distinct(StringComparer.Ordinal).Chunk(500))
        {
            var result = _git.Run([LiteralPaths, "ls-tree", "-z", "--full-tree", revision, "--", .. chunk], null);
            foreach (var entry in result.StandardOutput.Split('\0', StringSplitOptions.RemoveEmptyEntries))
            {
                // "<mode> SP <type> SP <object> TAB <path>"
                var tab = entry.IndexOf('\t');
                var meta = tab > 0 ? entry[..tab].Split(' ') : [];
                if (meta.Length == 3 && meta[1] == "blob")
                {
                    ids[entry[(tab + 1)..]] = meta[2];
                }
            }
        }

        return ids;
    }

    public string? ReadNote(string notesRef, string commit) => Read(g => g.ReadNote(notesRef, commit), () => CliReadNote(notesRef, commit));

    private string? CliReadNote(string notesRef, string commit)
    {
        var result = _git.Run("notes", "--ref=" + notesRef, "show", commit);
        return result.Succeeded ? result.StandardOutput : null;
    }

    public GitOperationResult CreateTag(string name, string commit, string message) =>
        Write(g => g.WriterSignature() is { } tagger ? g.CreateTag(name, commit, message, tagger) : null, () => Done(_git.Run("tag", "-a", "-m", message, name, commit)));

    public GitOperationResult DeleteTags(IReadOnlyList<string> names) =>
        names.Count == 0 ? new GitOperationResult(true, string.Empty) : Done(_git.Run(["tag", "-d", .. names], null));

    public GitOperationResult Add(IReadOnlyList<string> paths) =>
        Done(_git.Run([LiteralPaths, "add", "--pathspec-from-file=-", "--pathspec-file-nul"], PathList(paths)));

    public GitOperationResult Unstage(IReadOnlyList<string> paths) =>
        Done(_git.Run([LiteralPaths, "reset", "-q", "--pathspec-from-file=-", "--pathspec-file-nul"], PathList(paths)));

    public GitOperationResult Commit(string message, IReadOnlyList<string>? onlyPaths, bool noVerify) =>
        Commit(message, onlyPaths, noVerify, Path.Combine(GitDirectory, $"codemod-commit-{Guid.NewGuid():N}.txt"));

    public GitOperationResult Commit(string message, IReadOnlyList<string>? onlyPaths, bool noVerify, string messageFile)
    {
        // The message goes through a file in the git directory: stdin carries the paths, a long message must not hit
        // argv limits, and a crash leaves nothing in /tmp (recover removes what is left in the git directory).
        File.WriteAllText(messageFile, message, new System.Text.UTF8Encoding(false));
        try
        {
            List<string> arguments = [LiteralPaths, "commit", "--cleanup=whitespace", "-F", messageFile];
            if (noVerify)
            {
                arguments.Add("--no-verify");
            }

            if (onlyPaths is not null)
            {
                arguments.AddRange(["--only", "--pathspec-from-file=-", "--pathspec-file-nul"]);
            }

            return Done(_git.Run(arguments, onlyPaths is null ? null : PathList(onlyPaths)));
        }
        finally
        {
            File.Delete(messageFile);
        }
    }

    public GitOperationResult AddNote(string notesRef, string commit, string text) =>
        Write(g => g.WriterSignature() is { } author ? g.AddNote(notesRef, commit, text, author) : null, () => CliAddNote(notesRef, commit, text));

    public void Dispose() => _inProcess?.Dispose();

    private GitOperationResult CliAddNote(string notesRef, string commit, string text) =>
        Done(_git.Run(["notes", "--ref=" + notesRef, "add", "-f", "-F", "-", commit], text));

    public GitOperationResult SetRef(string name, string? commit) =>
        Done(commit is null ? _git.Run("update-ref", "-d", name) : _git.Run("update-ref", name, commit));

    public GitOperationResult RevertNoCommit(string fromExclusive, string to) => Done(_git.Run("revert", "--no-commit", $"{fromExclusive}..{to}"));

    public GitOperationResult AbortRevert() => Done(_git.Run("revert", "--abort"));

    public GitOperationResult ResetSoft(string commit) => Done(_git.Run("reset", "-q", "--soft", commit));

    public GitOperationResult RestorePaths(string source, IReadOnlyList<string> paths) =>
        paths.Count == 0 ? new GitOperationResult(true, string.Empty)
            : Done(_git.Run([LiteralPaths, "restore", "--source=" + source, "--staged", "--worktree", "--pathspec-from-file=-", "--pathspec-file-nul"], PathList(paths)));

    public GitOperationResult ResetHard(string commit) => Done(_git.Run("reset", "-q", "--hard", commit));

    private T Read<T>(Func<LibGit2Reads, T> inProcess, Func<T> cli)
    {
        if (InProcess() is { } reads)
        {
            try
            {
                return inProcess(reads);
            }
            catch (Exception e) when (LibGit2Reads.IsLibGit2Failure(e))
            {
                GiveUpInProcess();
            }
        }

        return cli();
    }

    // A write LibGit2Sharp must not do (git would sign it, no identity) returns null and goes to the CLI; one it
    // cannot do throws and goes there too, before anything was written.
    private GitOperationResult Write(Func<LibGit2Reads, GitOperationResult?> inProcess, Func<GitOperationResult> cli)
    {
        if (InProcess() is { } writes)
        {
            try
            {
                if (inProcess(writes) is { } done)
                {
                    return done;
                }
            }
            catch (Exception e) when (LibGit2Reads.IsLibGit2Failure(e))
            {
                GiveUpInProcess();
            }
        }

        return cli();
    }

    private LibGit2Reads? InProcess()
    {
        if (_inProcess is null && !_inProcessUnavailable)
        {
            try
            {
                _inProcess = new LibGit2Reads(Root);
            }
            catch (Exception e) when (LibGit2Reads.IsLibGit2Failure(e))
            {
                _inProcessUnavailable = true;
            }
        }

        return _inProcessUnavailable ? null : _inProcess;
    }

    // After one failure every later read goes to the CLI: a repository libgit2 misreads once is not asked again.
    private void GiveUpInProcess()
    {
        _inProcessUnavailable = true;
        _inProcess?.Dispose();
        _inProcess = null;
    }

    // Fields NUL-separated, commits separated by RS (0x1e): subjects and trailers never contain either.
    private const string CommitFormat = "%H%x00%s%x00%cI%x00%(trailers:only,unfold)%x1e";

    private static IEnumerable<GitCommitInfo> ParseCommits(string output)
    {
        foreach (var record in output.Split('\x1e'))
        {
            var fields = record.TrimStart('\n').Split('\0');
            if (fields.Length < 4 || fields[0].Length == 0)
            {
                continue;
            }

            var trailers = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
            foreach (var line in fields[3].Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var colon = line.IndexOf(':');
                if (colon > 0)
                {
                    var key = line[..colon].Trim();
                    (trailers.TryGetValue(key, out var values) ? values : trailers[key] = []).Add(line[(colon + 1)..].Trim());
                }
            }

            yield return new GitCommitInfo(
                fields[0],
                fields[1],
                DateTimeOffset.Parse(fields[2], CultureInfo.InvariantCulture),
                trailers.ToDictionary(t => t.Key, t => (IReadOnlyList<string>)t.Value, StringComparer.OrdinalIgnoreCase));
        }
    }

    private static IEnumerable<string> Lines(GitCliResult result) =>
        result.Succeeded ? result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries) : [];

    private static string PathList(IReadOnlyList<string> paths) => string.Concat(paths.Select(p => p + "\0"));

    private static GitOperationResult Done(GitCliResult result) =>
        new(result.Succeeded, string.Join('\n', new[] { result.StandardOutput.Trim(), result.StandardError.Trim() }.Where(s => s.Length > 0)));
}
