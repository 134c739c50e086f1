using Codemod.Core.Scan;

namespace Codemod.Core.Planning;

/// <summary>
/// Duplicate classes: per class name defined in two or more production modules, one canonical definition (scored by
/// <see cref="CanonicalChooser"/>); equal copies (same fingerprint) → <c>dedupe-class</c>; interchangeable ones (same
/// bases and decorators, no method or attribute the canonical lacks) → <c>redirect-imports</c> then
/// <c>add-deprecation-shim</c>; any other → a review item listing the differences, never merged. Copies that are equal
/// to each other but not to the canonical are deduplicated among themselves.
/// </summary>
internal static class ClassGroupPlanner
{
    public static (List<StepDraft> Redirects, List<StepDraft> Shims, List<StepDraft> Dedupes) Plan(
        IReadOnlyList<FileScan> files, PlannerSettings settings, List<string> reviews)
    {
        var redirects = new List<StepDraft>();
        var shims = new List<StepDraft>();
        var dedupes = new List<StepDraft>();
        var definitions = files
            .Where(f => f.Facts is not null)
            .SelectMany(f => f.Facts!.Classes.Where(c => !c.Nested).OrderBy(c => c.Line).Select(c => new ClassCandidate(f.Path, f.Facts!, c)))
            .ToList();
        var settled = new HashSet<string>(StringComparer.Ordinal);
        var groups = definitions
            .Where(d => !d.File.IsTest)
            .GroupBy(d => d.Class.Name, StringComparer.Ordinal)
            .Where(g => g.Select(d => d.Module).Distinct(StringComparer.Ordinal).Count() >= 2)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var ranking = CanonicalChooser.Rank([.. group], files, settings.CanonicalNames);
            var canonical = ranking[0].Candidate;
            var why = Why(group.Key, ranking);
            settled.Add(canonical.QualifiedName);
            var equal = group.Where(d => d != canonical && d.Class.Fingerprint is not null && d.Class.Fingerprint == canonical.Class.Fingerprint).ToList();
            if (equal.Count > 0)
            {
                dedupes.Add(Dedupe(canonical, equal, why));
                settled.UnionWith(equal.Select(d => d.QualifiedName));
            }

            foreach (var legacy in group.Where(d => d != canonical && !equal.Contains(d)))
            {
                if (Differences(legacy, canonical) is { } differences)
                {
                    reviews.Add($"{legacy.QualifiedName} is not interchangeable with {canonical.QualifiedName} ({differences}): not merged; align them by hand or pass --canonical");
                    continue;
                }

                settled.Add(legacy.QualifiedName);
                redirects.Add(Redirect(legacy, canonical, why));
                shims.Add(Shim(legacy, canonical, settings.Sunset, why));
            }
        }

        var copies = definitions
            .Where(d => d.Class.Fingerprint is not null && !settled.Contains(d.QualifiedName))
            .GroupBy(d => d.Class.Fingerprint!, StringComparer.Ordinal)
            .Where(g => g.Count() >= 2)
            .OrderBy(g => g.First().Class.Name, StringComparer.Ordinal)
            .ThenBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in copies)
        {
            var ranking = CanonicalChooser.Rank([.. group], files, settings.CanonicalNames);
            var canonical = ranking[0].Candidate;
            dedupes.Add(Dedupe(canonical, [.. group.Where(d => d != canonical)], Why(canonical.Class.Name, ranking)));
        }

        return (redirects, shims, dedupes);
    }

    /// <summary>Why <paramref name="legacy"/> cannot stand in for <paramref name="canonical"/>, or null when it can.</summary>
    internal static string? Differences(ClassCandidate legacy, ClassCandidate canonical)
    {
        var problems = new List<string>();
        if (!legacy.Class.Bases.Order(StringComparer.Ordinal).SequenceEqual(canonical.Class.Bases.Order(StringComparer.Ordinal), StringComparer.Ordinal))
        {
            problems.Add($"bases ({string.Join(", ", legacy.Class.Bases)}) vs ({string.Join(", ", canonical.Class.Bases)})");
        }

        if (!legacy.Class.Decorators.SequenceEqual(canonical.Class.Decorators, StringComparer.Ordinal))
        {
            problems.Add($"decorators ({string.Join(", ", legacy.Class.Decorators)}) vs ({string.Join(", ", canonical.Class.Decorators)})");
        }

        var methods = legacy.Class.Methods.Except(canonical.Class.Methods, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (methods.Count > 0)
        {
            problems.Add($"methods only in the legacy class: {string.Join(", ", methods)}");
        }

        var attributes = legacy.Class.Attributes.Except(canonical.Class.Attributes, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (attributes.Count > 0)
        {
            problems.Add($"attributes only in the legacy class: {string.Join(", ", attributes)}");
        }

        return problems.Count > 0 ? string.Join("; ", problems) : null;
    }

    private static List<string> Why(string name, IReadOnlyList<CanonicalScore> ranking)
    {
        var lines = new List<string> { $"{name}: canonical {ranking[0].Explain()}" };
        lines.Add(ranking.Count > 1 ? $"  runner-up {ranking[1].Explain()}" : "  no runner-up");
        return lines;
    }

    private static StepDraft Dedupe(ClassCandidate canonical, IReadOnlyList<ClassCandidate> copies, List<string> why)
    {
        var step = new SuggestedStep
        {
            Codemod = "dedupe-class",
            Arguments = [new("canonical", canonical.QualifiedName)],
            Comments = [.. why, $"  equal copies become re-exports of it: {string.Join(", ", copies.Select(c => c.QualifiedName))}"],
        };
        var fingerprint = canonical.Class.Fingerprint;
        var name = canonical.Class.Name;
        return new StepDraft(step, (path, facts) => facts.Module == canonical.Module
            ? facts
            : facts with { Classes = [.. facts.Classes.Where(c => c.Nested || c.Name != name || c.Fingerprint != fingerprint)] });
    }

    private static StepDraft Redirect(ClassCandidate legacy, ClassCandidate canonical, List<string> why)
    {
        var step = new SuggestedStep
        {
            Codemod = "redirect-imports",
            Arguments = [new("from", legacy.QualifiedName), new("to", canonical.QualifiedName)],
            Comments = [.. why, $"  importers of {legacy.QualifiedName} move to the canonical class"],
        };
        return new StepDraft(step, (_, facts) => facts with
        {
            Imports = [.. facts.Imports.Select(i => i.Kind == ImportKind.From && i.Module == legacy.Module && i.Name == legacy.Class.Name
                ? i with { Module = canonical.Module, Name = canonical.Class.Name }
                : i)],
        });
    }

    private static StepDraft Shim(ClassCandidate legacy, ClassCandidate canonical, DateOnly sunset, List<string> why)
    {
        var date = sunset.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var step = new SuggestedStep
        {
            Codemod = "add-deprecation-shim",
            Arguments = [new("legacy", legacy.QualifiedName), new("canonical", canonical.QualifiedName), new("sunset", date)],
            Note = $"The legacy import path keeps working, with a DeprecationWarning, until {date}.",
            Comments = [$"{legacy.QualifiedName} becomes a deprecated alias of {canonical.QualifiedName} until {date}"],
        };
        return new StepDraft(step, (path, facts) => path != legacy.Path
            ? facts
            : facts with
            {
                Classes = [.. facts.Classes.Where(c => c.Nested || c.Name != legacy.Class.Name)],
                Shims = [.. facts.Shims, new ShimFact(legacy.Class.Line, legacy.Class.Name, canonical.QualifiedName, date)],
            });
    }
}
