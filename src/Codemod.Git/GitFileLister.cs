using Codemod.Core.Discovery;

namespace Codemod.Git;

/// <summary>Discovery through git: tracked plus untracked-not-ignored files, with git's own .gitignore semantics.</summary>
public sealed class GitFileLister : IFileLister
{
    public IReadOnlyList<string>? ListFiles(string root)
    {
        var git = new GitCli(root);
        var inside = git.Run("rev-parse", "--is-inside-work-tree");
        if (!inside.Succeeded || inside.StandardOutput.Trim() != "true")
        {
            return null;
        }

        // Run from the root so paths come back relative to it, even when the root is a folder inside a larger repository.
        var listed = git.Run("-c", "core.quotepath=off", "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", ".");
        if (!listed.Succeeded)
        {
            return null;
        }

        // A file deleted in the work tree but still in the index is listed by --cached; it is not there to edit.
        return [.. listed.StandardOutput.Split('\0', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal)
            .Where(p => File.Exists(Path.Combine(root, p)) || new FileInfo(Path.Combine(root, p)).LinkTarget is not null)];
    }
}
