using Codemod.Core.Discovery;

namespace Codemod.Core.Plans;

/// <summary>
/// A throw-away copy of the files under a root (what git lists: tracked and untracked-not-ignored, uncommitted edits
/// included) with a dry run's earlier steps written over it, so a step's verification command sees the tree as the
/// plan would leave it while the real tree is never touched. Made only for steps that have a verification.
/// </summary>
public sealed class WorkTreeCopy : IDisposable
{
    private WorkTreeCopy(string path) => Path = path;

    public string Path { get; }

    /// <param name="root">The tree to copy.</param>
    /// <param name="lister">Which files belong to it; a folder outside git is walked (without <c>.git</c>).</param>
    /// <param name="overlay">New content by '/'-separated path relative to <paramref name="root"/>, written over the copy.</param>
    public static WorkTreeCopy Create(string root, IFileLister lister, IReadOnlyDictionary<string, byte[]> overlay)
    {
        var copy = new WorkTreeCopy(System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"codemod-plan-{Guid.NewGuid():N}"));
        Directory.CreateDirectory(copy.Path);
        try
        {
            var files = lister.ListFiles(root) ?? Walk(root);
            foreach (var relative in files)
            {
                var source = System.IO.Path.Combine(root, relative);
                var target = System.IO.Path.Combine(copy.Path, relative);
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
                var info = new FileInfo(source);
                if (info.LinkTarget is { } link)
                {
                    // Kept as a link so the command sees the tree as it is.
                    File.CreateSymbolicLink(target, link);
                }
                else if (info.Exists)
                {
                    File.Copy(source, target);
                }
            }

            foreach (var (relative, bytes) in overlay)
            {
                var target = System.IO.Path.Combine(copy.Path, relative.Replace('/', System.IO.Path.DirectorySeparatorChar));
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
                File.WriteAllBytes(target, bytes);
            }
        }
        catch
        {
            copy.Dispose();
            throw;
        }

        return copy;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp folder is harmless; failing the dry run over it is not
        }
    }

    private static IEnumerable<string> Walk(string root)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 };
        return Directory.EnumerateFiles(root, "*", options)
            .Select(f => System.IO.Path.GetRelativePath(root, f))
            .Where(p => !p.Split(System.IO.Path.DirectorySeparatorChar).Contains(".git"));
    }
}
