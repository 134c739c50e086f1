using System.Globalization;
using Codemod.Core.Scan;

namespace Codemod.Core.Planning;

/// <summary>
/// Ranks the definitions of one duplicate group. Each fact the scan has adds to a score, so the choice can be explained:
/// an explicit <c>--canonical</c> choice +1000, production code +100, +10 per file importing the class from that module,
/// −5 per member (method or attribute) only some of the group's definitions have, −1 per part of the module path.
/// Ties go to the module name in ordinal order, so the same tree always gives the same plan.
/// </summary>
internal static class CanonicalChooser
{
    public static IReadOnlyList<CanonicalScore> Rank(IReadOnlyList<ClassCandidate> group, IReadOnlyList<FileScan> files, IReadOnlyList<string> explicitNames)
    {
        var shared = group.Select(c => c.Members.ToHashSet(StringComparer.Ordinal))
            .Aggregate((a, b) => { a.IntersectWith(b); return a; });
        return [.. group
            .Select(candidate => Score(candidate, files, explicitNames, shared))
            .OrderByDescending(s => s.Total)
            .ThenBy(s => s.Candidate.Module, StringComparer.Ordinal)
            .ThenBy(s => s.Candidate.Class.Line)];
    }

    private static CanonicalScore Score(ClassCandidate candidate, IReadOnlyList<FileScan> files, IReadOnlyList<string> explicitNames, HashSet<string> shared)
    {
        var parts = new List<string>();
        var total = 0;
        void Add(int points, string why)
        {
            if (points != 0)
            {
                total += points;
                parts.Add($"{why} {(points > 0 ? "+" : string.Empty)}{points.ToString(CultureInfo.InvariantCulture)}");
            }
        }

        Add(explicitNames.Contains(candidate.QualifiedName, StringComparer.Ordinal) ? 1000 : 0, "named canonical");
        Add(candidate.File.IsTest ? 0 : 100, "production code");
        var importers = Importers(candidate, files);
        Add(10 * importers, importers == 1 ? "1 importer" : $"{importers} importers");
        var local = candidate.Members.Distinct(StringComparer.Ordinal).Count(m => !shared.Contains(m));
        Add(-5 * local, local == 1 ? "1 local member" : $"{local} local members");
        var depth = candidate.Module.Split('.').Length;
        Add(-depth, $"{depth}-part module path");
        return new CanonicalScore(candidate, total, parts);
    }

    /// <summary>Files that import the class from its module (<c>from m import C</c>), the module itself left out.</summary>
    internal static int Importers(ClassCandidate candidate, IReadOnlyList<FileScan> files) =>
        files.Count(f => f.Facts is { } facts && f.Path != candidate.Path && facts.Imports.Any(i =>
            i.Kind == ImportKind.From && i.Name == candidate.Class.Name && i.Module == candidate.Module));
}
