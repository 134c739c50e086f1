using System.Text;

namespace Codemod.Core.Diff;

/// <summary>
/// The patch of one file as <c>codemod preview --format patch</c> writes it: its path, the git blob ids of the bytes it
/// applies to and produces (the <c>index</c> line), and its hunks. Applying works on bytes (lines end at '\n' only, as
/// in git), so CRLF, a BOM and latin-1 survive exactly.
/// </summary>
public sealed record FilePatch(string Path, string? PreImage, string? PostImage, IReadOnlyList<PatchHunk> Hunks)
{
    /// <summary>The new bytes, or null and why the patch does not apply to <paramref name="current"/>.</summary>
    public (byte[]? Bytes, string? Problem) ApplyTo(byte[] current)
    {
        if (PreImage is null || PostImage is null)
        {
            return (null, "the patch has no 'index <pre-image>..<post-image>' line to verify it against: write it with `codemod preview --format patch`");
        }

        if (GitBlobId.Of(current) != PreImage)
        {
            return (null, $"its bytes are not the patch's pre-image (blob {PreImage[..10]}): the file changed since the patch was made");
        }

        var old = Lines(Encoding.Latin1.GetString(current));
        var result = new StringBuilder(current.Length + 256);
        var next = 0;
        foreach (var hunk in Hunks)
        {
            var start = Math.Max(0, hunk.OldStart - 1);
            if (start < next || start > old.Count)
            {
                return (null, $"hunk at line {hunk.OldStart} is out of order or past the end of the file");
            }

            for (; next < start; next++)
            {
                result.Append(old[next]);
            }

            foreach (var (op, text) in hunk.Lines)
            {
                if (op == '+')
                {
                    result.Append(text);
                    continue;
                }

                if (next >= old.Count || old[next] != text)
                {
                    return (null, $"hunk at line {hunk.OldStart} does not match the file at line {next + 1}");
                }

                if (op == ' ')
                {
                    result.Append(text);
                }

                next++;
            }
        }

        for (; next < old.Count; next++)
        {
            result.Append(old[next]);
        }

        var bytes = Encoding.Latin1.GetBytes(result.ToString());
        return GitBlobId.Of(bytes) == PostImage
            ? (bytes, null)
            : (null, $"applying the hunks does not produce the patch's post-image (blob {PostImage[..10]})");
    }

    private static List<string> Lines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                lines.Add(text[start..(i + 1)]);
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            lines.Add(text[start..]);
        }

        return lines;
    }
}
