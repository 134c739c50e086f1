using Codemod.Git;

namespace Codemod.Cli.Plans;

/// <summary>
/// A throw-away copy of the files under a root (what git lists: tracked and untracked-not-ignored, uncommitted edits
/// included), so a plan's dry run can apply each step for the next to see while the real tree is never touched.
/// </summary>
internal sealed class WorkTreeCopy : IDisposable
{
    private WorkTreeCopy(string path) => Path = path;

    public string Path { get; }

    public static WorkTreeCopy Create(string root)
    {
        var copy = new WorkTreeCopy(System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"codemod-plan-{Guid.NewGuid():N}"));
        Directory.CreateDirectory(copy.Path);
        var files = new GitFileLister().ListFiles(root) ?? Walk(root);
        foreach (var relative in files)
        {
            var source = System.IO.Path.Combine(root, relative);
            var target = System.IO.Path.Combine(copy.Path, relative);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            var info = new FileInfo(source);
            if (info.LinkTarget is { } link)
            {
                // Kept as a link so the classifier skips it exactly as it would in the real tree.
                File.CreateSymbolicLink(target, link);
            }
            else if (info.Exists)
            {
                File.Copy(source, target);
            }
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
