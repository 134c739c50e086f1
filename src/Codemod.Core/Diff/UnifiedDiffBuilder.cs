using System.Text;
using DiffPlex;

namespace Codemod.Core.Diff;

/// <summary>Builds a unified diff (git's format, 3 lines of context) between two versions of a file's bytes.</summary>
public static class UnifiedDiffBuilder
{
    public const int Context = 3;

    /// <summary>The diff lines and the encoding that turns them back into the file's bytes (for a patch).</summary>
    public static (IReadOnlyList<DiffLine> Lines, Encoding Encoding) Build(string path, byte[] oldBytes, byte[] newBytes)
    {
        // One encoding for both sides: a patch is one byte stream, so mixed UTF-8/Latin-1 sides fall back to Latin-1.
        var encoding = SourceText.EncodingOf(oldBytes) is UTF8Encoding utf8 && SourceText.EncodingOf(newBytes) is UTF8Encoding
            ? utf8
            : Encoding.Latin1;
        var result = new Differ().CreateCustomDiffs(encoding.GetString(oldBytes), encoding.GetString(newBytes), false, false, SplitKeepingNewlines);
        var entries = Script(result);
        var lines = new List<DiffLine>
        {
            new(DiffLineKind.FileHeader, $"--- a/{path}"),
            new(DiffLineKind.FileHeader, $"+++ b/{path}"),
        };
        foreach (var (start, end) in HunkRanges(entries))
        {
            AppendHunk(lines, entries, start, end);
        }

        return (lines, encoding);
    }

    /// <summary>Renders diff lines as patch bytes in the file's own encoding, so <c>git apply</c> reproduces the exact bytes.</summary>
    public static byte[] ToPatchBytes(IReadOnlyList<DiffLine> lines, Encoding encoding)
    {
        var builder = new StringBuilder();
        foreach (var line in lines)
        {
            builder.Append(Prefix(line.Kind)).Append(line.Text).Append('\n');
        }

        return encoding.GetBytes(builder.ToString());
    }

    public static string Prefix(DiffLineKind kind) => kind switch
    {
        DiffLineKind.Context => " ",
        DiffLineKind.Removed => "-",
        DiffLineKind.Added => "+",
        _ => string.Empty,
    };

    // git splits lines at '\n' only; '\r' stays part of the line, so CRLF and lone CR survive the patch exactly.
    private static string[] SplitKeepingNewlines(string text)
    {
        var pieces = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                pieces.Add(text[start..(i + 1)]);
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            pieces.Add(text[start..]);
        }

        return [.. pieces];
    }

    private readonly record struct Entry(char Op, string Text, int OldIndex, int NewIndex);

    private static List<Entry> Script(DiffPlex.Model.DiffResult result)
    {
        var entries = new List<Entry>();
        int oldIndex = 0, newIndex = 0;
        foreach (var block in result.DiffBlocks)
        {
            while (oldIndex < block.DeleteStartA)
            {
                entries.Add(new Entry(' ', result.PiecesOld[oldIndex], oldIndex++, newIndex++));
            }

            for (var i = 0; i < block.DeleteCountA; i++)
            {
                entries.Add(new Entry('-', result.PiecesOld[oldIndex], oldIndex++, newIndex));
            }

            for (var i = 0; i < block.InsertCountB; i++)
            {
                entries.Add(new Entry('+', result.PiecesNew[newIndex], oldIndex, newIndex++));
            }
        }

        while (oldIndex < result.PiecesOld.Count)
        {
            entries.Add(new Entry(' ', result.PiecesOld[oldIndex], oldIndex++, newIndex++));
        }

        return entries;
    }

    private static IEnumerable<(int Start, int End)> HunkRanges(List<Entry> entries)
    {
        var changes = entries.Select((e, i) => (e, i)).Where(x => x.e.Op != ' ').Select(x => x.i).ToList();
        var index = 0;
        while (index < changes.Count)
        {
            var first = changes[index];
            var last = first;
            while (index + 1 < changes.Count && changes[index + 1] - last <= 2 * Context + 1)
            {
                last = changes[++index];
            }

            index++;
            yield return (Math.Max(0, first - Context), Math.Min(entries.Count, last + Context + 1));
        }
    }

    private static void AppendHunk(List<DiffLine> lines, List<Entry> entries, int start, int end)
    {
        var slice = entries.GetRange(start, end - start);
        var oldCount = slice.Count(e => e.Op != '+');
        var newCount = slice.Count(e => e.Op != '-');
        var oldStart = slice[0].OldIndex + (oldCount > 0 ? 1 : 0);
        var newStart = slice[0].NewIndex + (newCount > 0 ? 1 : 0);
        lines.Add(new DiffLine(DiffLineKind.HunkHeader, $"@@ -{Range(oldStart, oldCount)} +{Range(newStart, newCount)} @@"));
        foreach (var entry in slice)
        {
            var kind = entry.Op switch { '-' => DiffLineKind.Removed, '+' => DiffLineKind.Added, _ => DiffLineKind.Context };
            var text = entry.Text;
            var terminated = text.EndsWith('\n');
            lines.Add(new DiffLine(kind, terminated ? text[..^1] : text));
            if (!terminated)
            {
                lines.Add(new DiffLine(DiffLineKind.NoNewline, "\\ No newline at end of file"));
            }
        }
    }

    private static string Range(int start, int count) => count == 1 ? $"{start}" : $"{start},{count}";
}
