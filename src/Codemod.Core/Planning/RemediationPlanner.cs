using Codemod.Core.Scan;

namespace Codemod.Core.Planning;

/// <summary>
/// Writes a plan from the scan's facts (pure, deterministic): duplicate classes (redirects, then shims, then dedupes),
/// duplicate test doubles, environment access (production, then tests), and singletons (commented out until a factory
/// is named). Each step's expected reduction is the scan's own count: the planner applies the step's effect to the
/// facts and aggregates again, so it can never disagree with <c>codemod scan</c> about what a finding is.
/// </summary>
public static class RemediationPlanner
{
    public static PlanSuggestion Suggest(IReadOnlyList<FileScan> files, PlannerSettings settings)
    {
        var sorted = files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        var reviews = new List<string>();
        var drafts = new List<StepDraft>();
        if (settings.Expired)
        {
            drafts.AddRange(ExpiredShimPlanner.Plan(sorted, settings));
        }
        else
        {
            var (redirects, shims, dedupes) = ClassGroupPlanner.Plan(sorted, settings, reviews);
            drafts.AddRange(redirects);
            drafts.AddRange(shims);
            drafts.AddRange(dedupes);
            drafts.AddRange(MockStepPlanner.Plan(sorted, settings, reviews));
            drafts.AddRange(EnvStepPlanner.Plan(sorted));
            drafts.AddRange(SingletonStepPlanner.Plan(sorted, settings));
        }

        var first = ScanAggregator.Aggregate(sorted, settings.Today);
        var current = sorted;
        var report = first;
        var steps = new List<SuggestedStep>();
        foreach (var draft in drafts)
        {
            if (draft.Step.Disabled)
            {
                steps.Add(draft.Step);
                continue;
            }

            var next = current.Select(draft.Apply).ToList();
            var after = ScanAggregator.Aggregate(next, settings.Today);
            var reduction = ScanRules.All
                .Select(rule => new KeyValuePair<string, int>(rule.Id, report.Count(rule.Id) - after.Count(rule.Id)))
                .Where(r => r.Value != 0)
                .ToList();
            steps.Add(draft.Step with { Reduction = reduction });
            (current, report) = (next, after);
        }

        var byRule = ScanRules.All
            .Select(rule => new KeyValuePair<string, (int, int)>(rule.Id, (first.Count(rule.Id), report.Count(rule.Id))))
            .ToList();
        return new PlanSuggestion(settings, steps, reviews, first.Findings.Count, report.Findings.Count, byRule);
    }
}
