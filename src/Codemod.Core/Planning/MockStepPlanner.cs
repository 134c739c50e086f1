using Codemod.Core.Scan;
using Codemod.Core.Scan.Checks;

namespace Codemod.Core.Planning;

/// <summary>
/// Duplicate test doubles: per name defined in two or more test files, <c>consolidate-mocks</c> towards the shared
/// (non-test) double of that name. Local copies defining a method or attribute the shared one lacks are review items;
/// without a shared double there is nothing to consolidate towards, which is a review item too.
/// </summary>
internal static class MockStepPlanner
{
    public static List<StepDraft> Plan(IReadOnlyList<FileScan> files, PlannerSettings settings, List<string> reviews)
    {
        var steps = new List<StepDraft>();
        var doubles = files
            .Where(f => f.Facts is not null)
            .SelectMany(f => f.Facts!.Classes.Select(c => new ClassCandidate(f.Path, f.Facts!, c)))
            .Where(d => DuplicateMockCheck.IsTestDouble(d.Class.ShortName))
            .ToList();
        var groups = doubles
            .Where(d => d.File.IsTest)
            .GroupBy(d => d.Class.ShortName, StringComparer.Ordinal)
            .Where(g => g.Select(d => d.Path).Distinct(StringComparer.Ordinal).Count() >= 2)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var shared = doubles.Where(d => !d.File.IsTest && !d.Class.Nested && d.Class.Name == group.Key).ToList();
            if (shared.Count == 0)
            {
                reviews.Add($"test double {group.Key} is copied in {group.Select(d => d.Path).Distinct().Count()} test files and there is no shared one: write it once outside the tests, then suggest again");
                continue;
            }

            var ranking = CanonicalChooser.Rank(shared, files, settings.CanonicalNames);
            var canonical = ranking[0].Candidate;
            var replaced = new List<ClassCandidate>();
            foreach (var copy in group)
            {
                var missing = copy.Class.Methods.Except(canonical.Class.Methods, StringComparer.Ordinal)
                    .Concat(copy.Class.Attributes.Except(canonical.Class.Attributes, StringComparer.Ordinal))
                    .Order(StringComparer.Ordinal).ToList();
                if (missing.Count > 0)
                {
                    reviews.Add($"{copy.Path}:{copy.Class.Line}: test double {copy.Class.Name} has what {canonical.QualifiedName} lacks ({string.Join(", ", missing)}): not consolidated");
                }
                else
                {
                    replaced.Add(copy);
                }
            }

            if (replaced.Count == 0)
            {
                continue;
            }

            var step = new SuggestedStep
            {
                Codemod = "consolidate-mocks",
                Arguments = [new("canonical", canonical.QualifiedName)],
                Paths = [.. replaced.Select(c => c.Path).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                Comments = [
                    $"{group.Key}: canonical {ranking[0].Explain()}",
                    ranking.Count > 1 ? $"  runner-up {ranking[1].Explain()}" : "  no runner-up (the only shared double of this name)",
                    "  local copies whose members all exist on it become imports of it (parameters are compared when it runs)",
                ],
                AtMost = true,
            };
            var gone = replaced.Select(c => (c.Path, c.Class.Name)).ToHashSet();
            steps.Add(new StepDraft(step, (path, facts) => facts with { Classes = [.. facts.Classes.Where(c => !gone.Contains((path, c.Name)))] }));
        }

        return steps;
    }
}
