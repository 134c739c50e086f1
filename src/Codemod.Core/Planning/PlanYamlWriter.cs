using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Codemod.Core.Planning;

/// <summary>
/// Writes a <see cref="PlanSuggestion"/> as plan YAML (the format <c>codemod plan</c> reads), with the reasoning as
/// comments: the canonical choice and its runner-up, each step's expected reduction, what was left for a person.
/// Same suggestion, same bytes; lines end with <c>\n</c>.
/// </summary>
public static partial class PlanYamlWriter
{
    public const string VerifyCommand = "python3 -m compileall -q .";

    public static string Write(PlanSuggestion plan)
    {
        var text = new StringBuilder();
        void Line(string line) => text.Append(line).Append('\n');
        var today = plan.Settings.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Line($"# Suggested by `codemod plan suggest{(plan.Settings.Expired ? " --expired" : string.Empty)}` on {today}: {Count(plan.FindingsBefore)} findings now, {Count(plan.FindingsAfter)} expected after the enabled steps.");
        var rules = plan.ByRule.Where(r => r.Value.Before + r.Value.After > 0).Select(r => $"{r.Key} {Count(r.Value.Before)} -> {Count(r.Value.After)}").ToList();
        if (rules.Count > 0)
        {
            Line("#   " + string.Join(", ", rules));
        }

        if (plan.Settings.Expired)
        {
            Line("# Order: the last callers of each expired shim move to its canonical name, then the shims are deleted.");
        }
        else
        {
            Line("# Canonical classes are scored from the scan's facts: named with --canonical +1000, production code +100,");
            Line("# +10 per file importing it, -5 per member only some of the group's definitions have, -1 per module path part;");
            Line("# ties go to the module name. Classes that are not interchangeable with the canonical one are never merged.");
            Line("# Order: redirects, then shims, then dedupes; test doubles; environment access (production, then tests); singletons.");
        }

        if (plan.Reviews.Count > 0)
        {
            Line("#");
            Line("# Left for a person (not planned):");
            foreach (var review in plan.Reviews)
            {
                Line($"#   - {review}");
            }
        }

        Line(plan.Settings.Expired ? "name: expired-shims" : "name: suggested-consolidation");
        Line($"verify: {VerifyCommand}");
        var enabled = plan.Steps.Count(s => !s.Disabled);
        Line(enabled == 0 ? "steps: []   # nothing to run" : "steps:");
        var number = 0;
        foreach (var step in plan.Steps)
        {
            Line(string.Empty);
            var prefix = step.Disabled ? "  # " : "  ";
            var title = step.Disabled ? $"(disabled) {step.Codemod}" : $"{++number}. {step.Codemod}: {Expected(step)}";
            Line($"  # {title}");
            foreach (var comment in step.Comments)
            {
                Line($"  # {comment}");
            }

            Line($"{prefix}- codemod: {Scalar(step.Codemod)}");
            if (step.Arguments.Count > 0)
            {
                Line($"{prefix}  args:");
                foreach (var (key, value) in step.Arguments)
                {
                    Line($"{prefix}    {key}: {Scalar(value)}");
                }
            }

            if (step.Paths.Count > 0)
            {
                Line($"{prefix}  paths: [{string.Join(", ", step.Paths.Select(Scalar))}]");
            }

            if (step.Exclude.Count > 0)
            {
                Line($"{prefix}  exclude: [{string.Join(", ", step.Exclude.Select(Scalar))}]");
            }

            if (step.Note is { } note)
            {
                Line($"{prefix}  note: {Scalar(note)}");
            }
        }

        return text.ToString();
    }

    private static string Expected(SuggestedStep step)
    {
        if (step.Total == 0)
        {
            return "expected: no finding goes away by itself";
        }

        var rules = string.Join(", ", step.Reduction.Select(r => $"{r.Key} {(r.Value > 0 ? "-" : "+")}{Count(Math.Abs(r.Value))}"));
        return $"expected: {(step.AtMost ? "up to " : string.Empty)}{(step.Total > 0 ? "-" : "+")}{Count(Math.Abs(step.Total))} findings ({rules})";
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A plain scalar when YAML reads it back as the same string, else a double-quoted one.</summary>
    internal static string Scalar(string value) =>
        PlainSafe().IsMatch(value) && !Ambiguous().IsMatch(value)
            ? value
            : "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_./\-]*$")]
    private static partial Regex PlainSafe();

    // Words YAML 1.1 resolves to booleans or null.
    [GeneratedRegex(@"^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL)$")]
    private static partial Regex Ambiguous();
}
