namespace Codemod.Git;

/// <summary>What git derives from a raw commit or tag message: the subject (<c>%s</c>), the trailers, and the cleaned-up text it stores.</summary>
internal static class CommitMessageText
{
    /// <summary>The first paragraph, its lines joined by spaces (git's <c>%s</c> and <c>%(contents:subject)</c>).</summary>
    public static string Subject(string message)
    {
        var lines = message.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').SkipWhile(l => l.Trim().Length == 0).TakeWhile(l => l.Trim().Length > 0);
        return string.Join(' ', lines.Select(l => l.Trim()));
    }

    /// <summary>
    /// The trailers of the message's last paragraph (not the subject's), continuation lines unfolded, as
    /// <c>%(trailers:only,unfold)</c> lists them; none when that paragraph holds a line that is not a trailer.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Trailers(string message)
    {
        var paragraphs = Paragraphs(message);
        var trailers = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        if (paragraphs.Count < 2)
        {
            return Empty(trailers);
        }

        var unfolded = new List<string>();
        foreach (var line in paragraphs[^1])
        {
            if (line.Length > 0 && char.IsWhiteSpace(line[0]) && unfolded.Count > 0)
            {
                unfolded[^1] += " " + line.Trim();
            }
            else
            {
                unfolded.Add(line);
            }
        }

        foreach (var line in unfolded)
        {
            var colon = line.IndexOf(':');
            if (colon <= 0 || !line[..colon].TrimEnd().All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                return Empty([]);
            }

            var key = line[..colon].Trim();
            (trailers.TryGetValue(key, out var values) ? values : trailers[key] = []).Add(line[(colon + 1)..].Trim());
        }

        return Empty(trailers);
    }

    /// <summary>
    /// The message as <c>git tag -m</c> / <c>git notes add -F</c> store it: trailing whitespace stripped from each line,
    /// blank lines at both ends removed, runs of blank lines collapsed, one final newline.
    /// </summary>
    public static string Cleanup(string message)
    {
        var lines = message.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd()).ToList();
        var kept = new List<string>();
        foreach (var line in lines)
        {
            if (line.Length == 0 && (kept.Count == 0 || kept[^1].Length == 0))
            {
                continue;
            }

            kept.Add(line);
        }

        while (kept.Count > 0 && kept[^1].Length == 0)
        {
            kept.RemoveAt(kept.Count - 1);
        }

        return kept.Count == 0 ? string.Empty : string.Join('\n', kept) + "\n";
    }

    private static List<List<string>> Paragraphs(string message)
    {
        var paragraphs = new List<List<string>>();
        var current = new List<string>();
        foreach (var line in message.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (line.Trim().Length == 0)
            {
                if (current.Count > 0)
                {
                    paragraphs.Add(current);
                    current = [];
                }
            }
            else
            {
                current.Add(line);
            }
        }

        if (current.Count > 0)
        {
            paragraphs.Add(current);
        }

        return paragraphs;
    }

    private static Dictionary<string, IReadOnlyList<string>> Empty(Dictionary<string, List<string>> trailers) =>
        trailers.ToDictionary(t => t.Key, t => (IReadOnlyList<string>)t.Value, StringComparer.OrdinalIgnoreCase);
}
