using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Codemod.Core.Diff;

/// <summary>
/// Reads the unified diffs <c>codemod preview --format patch</c> writes (git's format: <c>diff --git</c>, <c>index</c>,
/// <c>---</c>/<c>+++</c>, <c>@@</c> hunks, "\ No newline at end of file"). The patch is read as bytes (Latin-1, one char
/// per byte), because one patch holds files in different encodings. Lines before the first file are commentary, except
/// the <see cref="MetadataPrefix"/> line that names the codemod run.
/// </summary>
public static partial class PatchReader
{
    /// <summary>Starts the one commentary line a codemod patch opens with, followed by a JSON object describing the run.</summary>
    public const string MetadataPrefix = "# codemod-run: ";

    /// <summary>The file patches of one patch file, and the JSON after <see cref="MetadataPrefix"/> when the patch has that line.</summary>
    public sealed record Patch(IReadOnlyList<FilePatch> Files, string? Metadata);

    /// <summary>The file patches, or a <see cref="FormatException"/> naming the line that is not part of a unified diff.</summary>
    public static Patch Read(byte[] bytes)
    {
        var text = Encoding.Latin1.GetString(bytes);
        var lines = text.Split('\n');
        var count = text.EndsWith('\n') ? lines.Length - 1 : lines.Length;
        var files = new List<FilePatch>();
        string? metadata = null;
        string? path = null, pre = null, post = null;
        List<PatchHunk> hunks = [];
        List<(char, string)>? hunk = null;
        int oldLeft = 0, newLeft = 0;

        void Finish()
        {
            if (path is not null)
            {
                files.Add(new FilePatch(path, pre, post, hunks));
            }

            (path, pre, post, hunks, hunk) = (null, null, null, [], null);
        }

        for (var i = 0; i < count; i++)
        {
            var line = lines[i];
            if (line.StartsWith('\\'))
            {
                // "\ No newline at end of file": the line before it has no line end.
                if (hunk is not { Count: > 0 })
                {
                    throw new FormatException($"line {i + 1}: '\\' marker outside a hunk");
                }

                var (lastOp, lastText) = hunk[^1];
                hunk[^1] = (lastOp, lastText[..^1]);
            }
            else if (hunk is not null && (oldLeft > 0 || newLeft > 0))
            {
                var op = line.Length > 0 ? line[0] : ' ';
                if (op is not (' ' or '-' or '+'))
                {
                    throw new FormatException($"line {i + 1}: expected a hunk line (' ', '-' or '+'), got '{Shorten(line)}'");
                }

                hunk.Add((op, line.Length > 0 ? line[1..] + "\n" : "\n"));
                oldLeft -= op == '+' ? 0 : 1;
                newLeft -= op == '-' ? 0 : 1;
            }
            else if (line.StartsWith("diff --git ", StringComparison.Ordinal))
            {
                Finish();
            }
            else if (IndexLine().Match(line) is { Success: true } index)
            {
                (pre, post) = (index.Groups[1].Value, index.Groups[2].Value);
            }
            else if (line.StartsWith("--- ", StringComparison.Ordinal))
            {
                if (path is not null && hunks.Count > 0)
                {
                    Finish();
                }

                path = StripPrefix(line[4..], "a/");
            }
            else if (line.StartsWith("+++ ", StringComparison.Ordinal))
            {
                path = path is null or "/dev/null" ? StripPrefix(line[4..], "b/") : path;
            }
            else if (HunkHeader().Match(line) is { Success: true } header)
            {
                if (path is null)
                {
                    throw new FormatException($"line {i + 1}: hunk before any '--- a/<path>' line");
                }

                hunk = [];
                hunks.Add(new PatchHunk(int.Parse(header.Groups[1].Value, CultureInfo.InvariantCulture), hunk));
                oldLeft = header.Groups[2].Success ? int.Parse(header.Groups[2].Value, CultureInfo.InvariantCulture) : 1;
                newLeft = header.Groups[4].Success ? int.Parse(header.Groups[4].Value, CultureInfo.InvariantCulture) : 1;
            }
            else if (path is null && files.Count == 0 && line.StartsWith(MetadataPrefix, StringComparison.Ordinal))
            {
                metadata = Encoding.UTF8.GetString(Encoding.Latin1.GetBytes(line[MetadataPrefix.Length..]));
            }
            else if (path is not null)
            {
                throw new FormatException($"line {i + 1}: not part of a unified diff: '{Shorten(line)}'");
            }
        }

        Finish();
        return new Patch(files, metadata);
    }

    private static string StripPrefix(string path, string prefix) => path.StartsWith(prefix, StringComparison.Ordinal) ? path[prefix.Length..] : path;

    private static string Shorten(string line) => line.Length > 60 ? line[..60] + "..." : line;

    [GeneratedRegex(@"^index ([0-9a-f]{40})\.\.([0-9a-f]{40})(?: [0-7]+)?$")]
    private static partial Regex IndexLine();

    [GeneratedRegex(@"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")]
    private static partial Regex HunkHeader();
}
