namespace Codemod.Core.Planning;

/// <summary>A plan written from a scan: its steps in order, the findings before and (expected) after, and what needs a person.</summary>
public sealed record PlanSuggestion(
    PlannerSettings Settings,
    IReadOnlyList<SuggestedStep> Steps,
    IReadOnlyList<string> Reviews,
    int FindingsBefore,
    int FindingsAfter,
    IReadOnlyList<KeyValuePair<string, (int Before, int After)>> ByRule);
