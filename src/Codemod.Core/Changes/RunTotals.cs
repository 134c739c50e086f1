namespace Codemod.Core.Changes;

/// <summary>Counts of a run, as printed in the summary and the JSON document.</summary>
public sealed record RunTotals(int Found, int NotApplicable, int Parsed, int Changed, int Unchanged, int Skipped, int Failed, int Changes, int Reviews, IReadOnlyDictionary<string, int> SkippedByReason)
{
    /// <summary>Of the <see cref="Failed"/> files, those that overran the time limit.</summary>
    public int TimedOut { get; init; }

    /// <summary>Sites the codemod left as they are (a <c># codemod: ignore</c> comment, or lines the run excluded).</summary>
    public int Suppressed { get; init; }

    public static RunTotals Of(IReadOnlyList<FileOutcome> files)
    {
        int Count(OutcomeKind kind) => files.Count(f => f.Kind == kind);
        var skippedByReason = files
            .Where(f => f.Kind == OutcomeKind.Skipped)
            .GroupBy(f => ReasonKey(f.Reason))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new RunTotals(
            Found: files.Count,
            NotApplicable: Count(OutcomeKind.NotApplicable),
            Parsed: Count(OutcomeKind.Changed) + Count(OutcomeKind.Unchanged),
            Changed: Count(OutcomeKind.Changed),
            Unchanged: Count(OutcomeKind.Unchanged),
            Skipped: Count(OutcomeKind.Skipped),
            Failed: Count(OutcomeKind.Failed),
            Changes: files.Sum(f => f.Changes.Count),
            Reviews: files.Sum(f => f.Reviews.Count),
            SkippedByReason: skippedByReason)
        {
            TimedOut = files.Count(f => f.Kind == OutcomeKind.Failed && f.TimedOut),
            Suppressed = files.Sum(f => f.Suppressed.Count),
        };
    }

    // "too large (2,345 bytes > ...)" and "too large (9,999 bytes > ...)" are one reason: group on the text before '('.
    private static string ReasonKey(string? reason)
    {
        var text = reason ?? "unknown";
        var cut = text.IndexOfAny(['(', ':']);
        return (cut > 0 ? text[..cut] : text).Trim();
    }
}
