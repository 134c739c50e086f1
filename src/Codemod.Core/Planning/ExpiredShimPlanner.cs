using System.Globalization;
using Codemod.Core.Scan;

namespace Codemod.Core.Planning;

/// <summary>
/// Shims past their sunset (<c>plan suggest --expired</c>): per deprecated alias, a <c>redirect-imports</c> step moving
/// any caller still on the legacy path to the canonical class (the callers were redirected when the shim was written;
/// newer ones may have appeared), followed by a review item to delete the alias, which no codemod does yet.
/// </summary>
internal static class ExpiredShimPlanner
{
    public static List<StepDraft> Plan(IReadOnlyList<FileScan> files, PlannerSettings settings, List<string> reviews)
    {
        var steps = new List<StepDraft>();
        foreach (var file in files.Where(f => f.Facts is not null))
        {
            var facts = file.Facts!;
            foreach (var shim in facts.Shims.OrderBy(s => s.Line))
            {
                if (!DateOnly.TryParseExact(shim.Sunset, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var sunset) || sunset >= settings.Today)
                {
                    continue;
                }

                var legacy = $"{facts.Module}.{shim.Name}";
                steps.Add(new StepDraft(
                    new SuggestedStep
                    {
                        Codemod = "redirect-imports",
                        Arguments = [new("from", legacy), new("to", shim.Canonical)],
                        Comments = [$"{file.Path}:{shim.Line}: deprecated alias {legacy} passed its sunset {shim.Sunset}: its last callers move to {shim.Canonical}"],
                    },
                    StepDraft.Nothing));
                reviews.Add($"{file.Path}:{shim.Line}: delete the expired alias {shim.Name} (its __codemod_deprecated__ entry and, when it was the last one, the __getattr__ branch) once the redirect above has run");
            }
        }

        return steps;
    }
}
