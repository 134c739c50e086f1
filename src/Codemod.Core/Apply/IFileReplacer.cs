namespace Codemod.Core.Apply;

/// <summary>The one filesystem step that makes a new version visible: an atomic rename over the target.</summary>
public interface IFileReplacer
{
    void Replace(string tempPath, string targetPath);
}

/// <summary>rename(2) over the target: readers see the old file or the new one, never half of either.</summary>
public sealed class RenameReplacer : IFileReplacer
{
    public void Replace(string tempPath, string targetPath) => File.Move(tempPath, targetPath, overwrite: true);
}
