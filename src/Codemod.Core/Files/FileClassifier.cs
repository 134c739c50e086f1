using Codemod.Core.Changes;

namespace Codemod.Core.Files;

/// <summary>Reads a candidate file, or explains why it must not be touched (symlink, special file, binary, too large, generated).</summary>
public sealed class FileClassifier(long maxFileSize, string? generatedMarker = null)
{
    /// <summary>How many lines from the top a generated-file marker is looked for (a header comment or docstring).</summary>
    public const int GeneratedMarkerLines = 10;

    /// <summary>
    /// The file's bytes, or a <see cref="OutcomeKind.Skipped"/> / <see cref="OutcomeKind.Failed"/> outcome. When
    /// <paramref name="content"/> is given it stands in for the bytes on disk (the file itself is still checked).
    /// </summary>
    public (SourceFile? File, FileOutcome? Outcome) Read(string root, string relativePath, byte[]? content = null)
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

            if (!FileKind.IsRegular(info))
            {
                return (null, FileOutcome.Skip(relativePath, "not a regular file"));
            }

            var length = content?.LongLength ?? info.Length;
            if (length > maxFileSize)
            {
                return (null, FileOutcome.Skip(relativePath, $"too large ({length:N0} bytes > --max-file-size {maxFileSize:N0})"));
            }

            var bytes = content ?? File.ReadAllBytes(fullPath);
            if (bytes.AsSpan().IndexOf((byte)0) >= 0)
            {
                return (null, FileOutcome.Skip(relativePath, "binary (contains a NUL byte)"));
            }

            if (GeneratedMarkerLine(bytes) is { } line)
            {
                return (null, FileOutcome.Skip(relativePath, $"generated file (marker '{generatedMarker}' on line {line}; --generated-marker '' processes it)"));
            }

            return (SourceFile.FromBytes(relativePath, fullPath, bytes), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, FileOutcome.Fail(relativePath, $"cannot read: {e.Message}"));
        }
    }

    // On raw bytes, before any decoding: the marker is ASCII in every encoding a Python file may declare. Only the first
    // lines count, where generators write their header; further down it is usually a string that merely mentions it.
    private int? GeneratedMarkerLine(byte[] bytes)
    {
        if (string.IsNullOrEmpty(generatedMarker))
        {
            return null;
        }

        var marker = System.Text.Encoding.UTF8.GetBytes(generatedMarker);
        var rest = bytes.AsSpan();
        for (var line = 1; line <= GeneratedMarkerLines && !rest.IsEmpty; line++)
        {
            var end = rest.IndexOfAny((byte)'\n', (byte)'\r');
            var text = end < 0 ? rest : rest[..end];
            if (text.IndexOf(marker) >= 0)
            {
                return line;
            }

            if (end < 0)
            {
                break;
            }

            var next = end + 1;
            if (rest[end] == (byte)'\r' && next < rest.Length && rest[next] == (byte)'\n')
            {
                next++;
            }

            rest = rest[next..];
        }

        return null;
    }
}
