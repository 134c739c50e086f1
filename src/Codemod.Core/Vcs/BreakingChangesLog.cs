using System.Globalization;
using System.Text;
using Codemod.Core.Changes;
using Codemod.Core.Diff;

namespace Codemod.Core.Vcs;

/// <summary>
/// Adds a run's breaking-change records to the repository's <c>BREAKING_CHANGES.md</c>: newest first under
/// <c>## Unreleased</c> (created when absent), one entry per run with its date, run id, what moved and how to migrate.
/// The file keeps its encoding and line endings; everything outside the inserted entry stays byte for byte.
/// </summary>
public static class BreakingChangesLog
{
    public const string FileName = "BREAKING_CHANGES.md";
    private const string Unreleased = "## Unreleased";

    public static byte[] AddEntry(byte[]? existing, RunId runId, string codemod, string codemodVersion, IReadOnlyList<BreakingRecord> records)
    {
        var encoding = existing is null ? new UTF8Encoding(false) : SourceText.EncodingOf(existing);
        var text = existing is null ? string.Empty : encoding.GetString(existing);
        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var entry = Entry(runId, codemod, codemodVersion, records).Replace("\n", newline, StringComparison.Ordinal);
        var updated = existing is null
            ? $"# Breaking changes\n\nNewest first. Codemod runs that break an API add their entry under Unreleased.\n\n{Unreleased}\n\n".Replace("\n", newline, StringComparison.Ordinal) + entry
            : Insert(text, entry, newline);
        return encoding.GetBytes(updated);
    }

    /// <summary>One entry: a heading naming the date, codemod and run, then what changed and how to migrate.</summary>
    public static string Entry(RunId runId, string codemod, string codemodVersion, IReadOnlyList<BreakingRecord> records)
    {
        var entry = new StringBuilder();
        entry.Append(CultureInfo.InvariantCulture, $"### {runId.Timestamp:yyyy-MM-dd}: {codemod} {codemodVersion} (run {runId.Value})\n\n");
        foreach (var record in records.Distinct())
        {
            entry.Append(CultureInfo.InvariantCulture, $"- {record.What.Trim()}\n");
            if (!string.IsNullOrWhiteSpace(record.Migrate))
            {
                entry.Append(CultureInfo.InvariantCulture, $"  - Migrate: {record.Migrate.Trim()}\n");
            }
        }

        entry.Append(CultureInfo.InvariantCulture, $"\nUndo: `codemod rollback {runId.Value}`\n");
        return entry.ToString();
    }

    private static string Insert(string text, string entry, string newline)
    {
        var lines = text.Split('\n');
        var offset = 0;
        int? firstSection = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Trim().Equals(Unreleased, StringComparison.OrdinalIgnoreCase))
            {
                // Newest first: right after the heading and the blank lines that follow it.
                var at = offset + lines[i].Length + 1;
                for (var j = i + 1; j < lines.Length && lines[j].TrimEnd('\r').Length == 0 && at < text.Length; j++)
                {
                    at += lines[j].Length + 1;
                }

                var before = text[..Math.Min(at, text.Length)];
                if (!before.EndsWith('\n'))
                {
                    before += newline;
                }

                if (!before.EndsWith(newline + newline, StringComparison.Ordinal))
                {
                    before += newline;
                }

                var rest = text[Math.Min(at, text.Length)..];
                return before + entry + (rest.Length > 0 ? newline + rest : string.Empty);
            }

            if (firstSection is null && line.StartsWith("## ", StringComparison.Ordinal))
            {
                firstSection = offset;
            }

            offset += lines[i].Length + 1;
        }

        var section = $"{Unreleased}{newline}{newline}{entry}";
        if (firstSection is { } at2)
        {
            return text[..at2] + section + newline + text[at2..];
        }

        var head = text.Length == 0 || text.EndsWith(newline + newline, StringComparison.Ordinal) ? text
            : text.EndsWith('\n') ? text + newline
            : text + newline + newline;
        return head + section;
    }
}
