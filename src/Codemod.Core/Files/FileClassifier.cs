using Codemod.Core.Changes;

namespace Codemod.Core.Files;

/// <summary>Reads a candidate file, or explains why it must not be touched (symlink, special file, binary, too large).</summary>
public sealed class FileClassifier(long maxFileSize)
{
    /// <summary>The file's bytes, or a <see cref="OutcomeKind.Skipped"/> / <see cref="OutcomeKind.Failed"/> outcome.</summary>
    public (SourceFile? File, FileOutcome? Outcome) Read(string root, string relativePath)
    {
        var fullPath = Path.Combine(root, relativePath.Replace('/', Path.DirectorySeparatorChar));
        FileInfo info;
        try
        {
            info = new FileInfo(fullPath);
            if (!info.Exists)
            {
                return (null, FileOutcome.Skip(relativePath, "not a regular file"));
            }

            if (info.LinkTarget is not null)
            {
                return (null, FileOutcome.Skip(relativePath, $"symbolic link (to {info.LinkTarget}): edit the target instead"));
            }

            if (!FileKind.IsRegular(fullPath))
            {
                return (null, FileOutcome.Skip(relativePath, "not a regular file"));
            }

            if (info.Length > maxFileSize)
            {
                return (null, FileOutcome.Skip(relativePath, $"too large ({info.Length:N0} bytes > --max-file-size {maxFileSize:N0})"));
            }

            var bytes = File.ReadAllBytes(fullPath);
            if (bytes.AsSpan().IndexOf((byte)0) >= 0)
            {
                return (null, FileOutcome.Skip(relativePath, "binary (contains a NUL byte)"));
            }

            return (SourceFile.FromBytes(relativePath, fullPath, bytes), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, FileOutcome.Fail(relativePath, $"cannot read: {e.Message}"));
        }
    }
}
