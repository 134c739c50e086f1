using System.Globalization;
using System.Text.RegularExpressions;
using Codemod.Core.Changes;
using Codemod.Core.Diff;

namespace Codemod.Cli.Interactive;

/// <summary>One <c>@@</c> hunk of a file's diff, with the old line number of each context and removed line.</summary>
internal sealed partial record DiffHunk(DiffLine Header, int OldStart, int OldEnd, IReadOnlyList<(DiffLine Line, int? OldLine)> Lines)
{
    /// <summary>Whether the hunk's old side spans <paramref name="line"/> (context lines included).</summary>
    public bool Covers(int line) => line >= OldStart && line <= OldEnd;

    /// <summary>The hunks of a changed file's diff (3 lines of context, as preview shows them).</summary>
    public static IReadOnlyList<DiffHunk> Of(FileOutcome file)
    {
        var (lines, _) = UnifiedDiffBuilder.Build(file.Path, file.OriginalBytes ?? [], file.NewBytes ?? []);
        var hunks = new List<DiffHunk>();
        DiffLine? header = null;
        var start = 0;
        var count = 0;
        var old = 0;
        var body = new List<(DiffLine, int?)>();
        foreach (var line in lines)
        {
            switch (line.Kind)
            {
                case DiffLineKind.FileHeader:
                    continue;
                case DiffLineKind.HunkHeader:
                    Flush();
                    var match = HeaderPattern().Match(line.Text);
                    start = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
                    count = match.Groups[2].Success ? int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) : 1;
                    old = start;
                    header = line;
                    break;
                case DiffLineKind.Context or DiffLineKind.Removed:
                    body.Add((line, old++));
                    break;
                default:
                    body.Add((line, null));
                    break;
            }
        }

        Flush();
        return hunks;

        void Flush()
        {
            if (header is not null)
            {
                hunks.Add(new DiffHunk(header, start, start + Math.Max(count, 1) - 1, [.. body]));
                body.Clear();
            }
        }
    }

    [GeneratedRegex(@"^@@ -(\d+)(?:,(\d+))? ")]
    private static partial Regex HeaderPattern();
}
