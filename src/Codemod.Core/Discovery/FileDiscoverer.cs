using Codemod.Core.Settings;
using Microsoft.Extensions.FileSystemGlobbing;

namespace Codemod.Core.Discovery;

/// <summary>Finds the files of a run: git's own list inside a work tree, a folder walk outside; then paths, globs, shard; sorted.</summary>
public sealed class FileDiscoverer(IFileLister lister)
{
    // Outside git nothing says what is generated or vendored; these folders never hold the project's own code.
    private static readonly string[] WalkExcludes = ["**/.git/**", "**/__pycache__/**", "**/.venv/**", "**/venv/**", "**/node_modules/**", "**/.tox/**", "**/.mypy_cache/**"];

    public IReadOnlyList<string> Discover(RunSettings settings)
    {
        foreach (var path in settings.Paths)
        {
            var full = Path.Combine(settings.Root, path);
            if (!File.Exists(full) && !Directory.Exists(full) && !IsLink(full))
            {
                throw new UserError($"path '{path}' does not exist under {settings.Root}: check the spelling or the --root");
            }
        }

        var fromGit = lister.ListFiles(settings.Root);
        var candidates = fromGit ?? Walk(settings.Root);
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddIncludePatterns(settings.Includes);
        matcher.AddExcludePatterns(settings.Excludes);
        if (fromGit is null)
        {
            matcher.AddExcludePatterns(WalkExcludes);
        }

        var selected = candidates
            .Where(p => IsUnder(p, settings.Paths))
            .Where(p => matcher.Match(p).HasMatches || settings.Paths.Contains(p, StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToList();
        return settings.Shard is { } shard ? [.. selected.Where((_, i) => shard.Contains(i))] : selected;
    }

    private static bool IsUnder(string path, IReadOnlyList<string> roots) =>
        roots.Count == 0 || roots.Any(r => r is "" or "." || path == r || path.StartsWith(r.TrimEnd('/') + "/", StringComparison.Ordinal));

    private static bool IsLink(string full) => new FileInfo(full).LinkTarget is not null;

    // A symlinked folder is listed as nothing: following it could lead outside the root (and a write there), or round a
    // loop that lists one file many times. A symlinked file is still listed, so it is reported as skipped.
    private static IEnumerable<string> Walk(string root)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = true, AttributesToSkip = 0 };
        var folders = new Stack<string>([root]);
        while (folders.TryPop(out var folder))
        {
            foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos("*", options))
            {
                if (entry is DirectoryInfo directory)
                {
                    if (directory.LinkTarget is null && !(folder == root && directory.Name == Apply.RunJournal.OutsideGitFolder))
                    {
                        folders.Push(directory.FullName);
                    }
                }
                else
                {
                    yield return Path.GetRelativePath(root, entry.FullName).Replace(Path.DirectorySeparatorChar, '/');
                }
            }
        }
    }
}
