using System.Globalization;
using Codemod.Core.Scan;

namespace Codemod.Core.Planning;

/// <summary>
/// Shims past their sunset (<c>plan suggest --expired</c>), the ones the scan reports as <c>expired-shim</c>: per
/// deprecated alias, a <c>redirect-imports</c> step moving any caller still on the legacy path to the canonical class;
/// per deprecated accessor wrapper, a <c>singleton-to-factory</c> step moving its last call sites to the factory (the
/// callers were moved when the shim was written; newer ones may have appeared). Then one <c>remove-expired-shim</c> step,
/// limited to the modules holding them and given the planner's day, deletes them: it cannot see other files, so it
/// comes after every redirect.
/// </summary>
internal static class ExpiredShimPlanner
{
    public static List<StepDraft> Plan(IReadOnlyList<FileScan> files, PlannerSettings settings)
    {
        var steps = new List<StepDraft>();
        var removals = new List<string>();
        var paths = new List<string>();
        foreach (var file in files.Where(f => f.Facts is not null))
        {
            var facts = file.Facts!;
            foreach (var shim in facts.Shims.Where(s => IsExpired(s, settings.Today)).OrderBy(s => s.Line))
            {
                var legacy = $"{facts.Module}.{shim.Name}";
                steps.Add(new StepDraft(
                    shim.IsWrapper
                        ? new SuggestedStep
                        {
                            Codemod = "singleton-to-factory",
                            Arguments = [new("singleton", legacy), new("factory", shim.Canonical)],
                            Comments = [$"{file.Path}:{shim.Line}: deprecated accessor {legacy}() passed its sunset {shim.Sunset}: its last call sites move to {shim.Canonical}"],
                        }
                        : new SuggestedStep
                        {
                            Codemod = "redirect-imports",
                            Arguments = [new("from", legacy), new("to", shim.Canonical)],
                            Comments = [$"{file.Path}:{shim.Line}: deprecated alias {legacy} passed its sunset {shim.Sunset}: its last callers move to {shim.Canonical}"],
                        },
                    StepDraft.Nothing));
                removals.Add($"{file.Path}:{shim.Line}: {shim.Name} ({shim.Kind}, sunset {shim.Sunset})");
                if (!paths.Contains(file.Path, StringComparer.Ordinal))
                {
                    paths.Add(file.Path);
                }
            }
        }

        if (removals.Count > 0)
        {
            var today = settings.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var removal = new SuggestedStep
            {
                Codemod = "remove-expired-shim",
                Arguments = [new("today", today)],
                Paths = paths,
                Note = "Deletes the shims past their sunset: a use the steps above left for review stops working.",
                Comments = ["the expired shims are deleted after every redirect above (the codemod sees one file at a time):", .. removals.Select(r => "  " + r)],
            };
            steps.Add(new StepDraft(removal, (path, facts) => paths.Contains(path, StringComparer.Ordinal)
                ? facts with { Shims = [.. facts.Shims.Where(s => !IsExpired(s, settings.Today))] }
                : facts));
        }

        return steps;
    }

    /// <summary>The scan's <c>expired-shim</c> rule: a sunset written yyyy-MM-dd before today.</summary>
    private static bool IsExpired(ShimFact shim, DateOnly today) =>
        DateOnly.TryParseExact(shim.Sunset, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var sunset) && sunset < today;
}
