using Codemod.Core.Scan.Checks;

namespace Codemod.Core.Scan;

/// <summary>
/// The one place that decides which findings a <c># codemod: ignore</c> comment suppresses. A comment covers the line it
/// is on and, on the first line of a multi-line statement, the whole statement (as for the codemods); a bare comment
/// suppresses every rule, <c>ignore[names]</c> the rules whose id or fixing codemod (<see cref="ScanRule.Codemods"/>) is named.
/// </summary>
internal sealed class SuppressionIndex
{
    private readonly Dictionary<string, IReadOnlyList<SuppressionFact>> _byPath;
    private readonly Dictionary<string, ScanRule> _rules;
    private readonly HashSet<string> _known;

    public SuppressionIndex(ScanInput input)
    {
        _byPath = input.Files
            .Where(f => f.Facts.Of<SuppressionFact>().Count > 0)
            .ToDictionary(f => f.Path, f => f.Facts.Of<SuppressionFact>(), StringComparer.Ordinal);
        _rules = input.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        _known = [.. input.Rules.SelectMany(r => r.Codemods.Prepend(r.Id))];
    }

    public bool IsEmpty => _byPath.Count == 0;

    /// <summary>Every comment with its file, in path then line order.</summary>
    public IEnumerable<(string Path, SuppressionFact Suppression)> All =>
        _byPath.OrderBy(p => p.Key, StringComparer.Ordinal).SelectMany(p => p.Value.OrderBy(s => s.Line).Select(s => (p.Key, s)));

    /// <summary>The comment that suppresses <paramref name="finding"/>, or null.</summary>
    public SuppressionFact? Suppressing(Finding finding) =>
        _byPath.TryGetValue(finding.Path, out var suppressions)
            ? suppressions.FirstOrDefault(s => s.Covers(finding.Line) && AppliesTo(s, finding.Rule))
            : null;

    /// <summary>
    /// Whether the scan can tell that a comment is needed: bare, or naming only rules and their codemods. A comment that
    /// names a codemod no rule watches (<c>ignore[redirect-imports]</c>) guards sites the scan cannot see: never judged stale.
    /// </summary>
    public bool Judges(SuppressionFact suppression) => suppression.Names is not { } names || names.All(_known.Contains);

    private bool AppliesTo(SuppressionFact suppression, string rule) =>
        suppression.Names is not { } names
        || names.Contains(rule, StringComparer.Ordinal)
        || (_rules.TryGetValue(rule, out var known) && known.Codemods.Any(c => names.Contains(c, StringComparer.Ordinal)));
}
