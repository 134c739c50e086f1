namespace Codemod.Core.Discovery;

/// <summary>The seam to version control for discovery: the files git would consider part of the project.</summary>
public interface IFileLister
{
    /// <summary>Tracked plus untracked-but-not-ignored files under <paramref name="root"/>, relative to it and '/'-separated;
    /// null when <paramref name="root"/> is not inside a git work tree.</summary>
    IReadOnlyList<string>? ListFiles(string root);
}
