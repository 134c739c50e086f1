using Codemod.Cli.Config;
using Codemod.Core.Plans;
using Codemod.Core.Settings;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Codemod.Cli.Plans;

/// <summary>
/// Reads a plan file (YAML, format in README). Strict: an unknown key, a missing codemod, a value of the wrong shape
/// or broken YAML is one <see cref="UserError"/> naming the file and the line, before anything runs.
/// </summary>
internal static class PlanReader
{
    private static readonly string[] PlanKeys = ["name", "verify", "steps"];
    private static readonly string[] StepKeys = ["codemod", "args", "paths", "include", "exclude", "note", "verify", "formatter"];

    public static Plan Read(string path, string displayPath) => Parse(SettingsFileText.Read(path, displayPath, "plan"), displayPath);

    /// <summary>A plan is a few dozen lines; anything near this is not a plan (and YAML's cost grows with it).</summary>
    public const int MaxPlanChars = 256 * 1024;

    public static Plan Parse(string text, string displayPath)
    {
        if (text.Length > MaxPlanChars)
        {
            throw new UserError($"{displayPath}: the plan is {text.Length:N0} characters; a plan is limited to {MaxPlanChars:N0} (split it into several plans)");
        }

        var stream = SafeYaml.Load(text, displayPath, "a plan");

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var line = stream.Documents.Count == 0 ? 1 : stream.Documents[0].RootNode.Start.Line;
            throw new UserError($"{displayPath}:{line}: a plan is a mapping with a 'steps' list (see README, \"Plans\")");
        }

        if (stream.Documents.Count > 1)
        {
            throw new UserError($"{displayPath}:{stream.Documents[1].RootNode.Start.Line}: a plan file holds one YAML document");
        }

        var plan = new Plan(displayPath, null, null, []);
        CheckKeys(plan, root, PlanKeys, "plan");
        var steps = Value(root, "steps") ?? throw new UserError(plan.At(root.Start.Line, "the plan has no 'steps' list"));
        if (steps is not YamlSequenceNode list || list.Children.Count == 0)
        {
            throw new UserError(plan.At(steps.Start.Line, "'steps' must be a non-empty list of steps (- codemod: NAME ...)"));
        }

        plan = plan with { Name = OptionalScalar(plan, root, "name"), Verify = OptionalScalar(plan, root, "verify", allowEmpty: true) };
        return plan with { Steps = [.. list.Children.Select((node, i) => Step(plan, node, i + 1))] };
    }

    private static PlanStep Step(Plan plan, YamlNode node, int number)
    {
        if (node is not YamlMappingNode map)
        {
            throw new UserError(plan.At(node.Start.Line, $"step {number} must be a mapping (codemod: NAME, args: ..., paths: [...])"));
        }

        CheckKeys(plan, map, StepKeys, $"step {number}");
        var codemod = OptionalScalar(plan, map, "codemod") ?? throw new UserError(plan.At(map.Start.Line, $"step {number} has no 'codemod'"));
        return new PlanStep
        {
            Number = number,
            Line = map.Start.Line,
            Codemod = codemod,
            Arguments = Arguments(plan, map, number),
            Paths = [.. PathList(plan, map, number).Select(NormalizePath)],
            Include = Strings(plan, map, "include"),
            Exclude = Strings(plan, map, "exclude"),
            Note = OptionalScalar(plan, map, "note"),
            Verify = OptionalScalar(plan, map, "verify", allowEmpty: true),
            Formatter = OptionalScalar(plan, map, "formatter"),
        };
    }

    private static IReadOnlyList<string> PathList(Plan plan, YamlMappingNode map, int number) => Value(map, "paths") switch
    {
        null => [],
        var node when IsNull(node) => [],
        YamlSequenceNode sequence when sequence.Children.All(c => c is YamlScalarNode) => [.. sequence.Children.Cast<YamlScalarNode>().Select(c => c.Value ?? string.Empty)],
        var node => throw new UserError(plan.At(node.Start.Line, $"step {number}: 'paths' must be a list of files or folders, e.g. paths: [src, tests]")),
    };

    private static Dictionary<string, IReadOnlyList<string>> Arguments(Plan plan, YamlMappingNode step, int number)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var node = Value(step, "args");
        if (node is null || IsNull(node))
        {
            return result;
        }

        if (node is not YamlMappingNode args)
        {
            throw new UserError(plan.At(node.Start.Line, $"step {number}: 'args' must be a mapping of parameter name to value"));
        }

        foreach (var (key, value) in args.Children)
        {
            var name = ((YamlScalarNode)key).Value?.Trim().Replace('-', '_') ?? string.Empty;
            result[name] = value switch
            {
                YamlScalarNode scalar => [scalar.Value ?? string.Empty],
                YamlSequenceNode sequence when sequence.Children.All(c => c is YamlScalarNode) => [.. sequence.Children.Cast<YamlScalarNode>().Select(c => c.Value ?? string.Empty)],
                _ => throw new UserError(plan.At(value.Start.Line, $"step {number}: argument '{name}' must be a value or a list of values")),
            };
        }

        return result;
    }

    private static void CheckKeys(Plan plan, YamlMappingNode map, string[] allowed, string where)
    {
        foreach (var key in map.Children.Keys)
        {
            if (key is not YamlScalarNode { Value: { } name } || !allowed.Contains(name, StringComparer.Ordinal))
            {
                var shown = key is YamlScalarNode scalar ? scalar.Value : key.ToString();
                throw new UserError(plan.At(key.Start.Line, $"unknown key '{shown}' in {where} (allowed: {string.Join(", ", allowed)})"));
            }
        }
    }

    private static YamlNode? Value(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? OptionalScalar(Plan plan, YamlMappingNode map, string key, bool allowEmpty = false)
    {
        var node = Value(map, key);
        if (node is null || (IsNull(node) && !allowEmpty))
        {
            return null;
        }

        return node is YamlScalarNode scalar
            ? (IsNull(node) ? string.Empty : scalar.Value)
            : throw new UserError(plan.At(node.Start.Line, $"'{key}' must be a single value"));
    }

    private static IReadOnlyList<string> Strings(Plan plan, YamlMappingNode map, string key) => Value(map, key) switch
    {
        null => [],
        var node when IsNull(node) => [],
        YamlScalarNode scalar => [scalar.Value ?? string.Empty],
        YamlSequenceNode sequence when sequence.Children.All(c => c is YamlScalarNode) => [.. sequence.Children.Cast<YamlScalarNode>().Select(c => c.Value ?? string.Empty)],
        var node => throw new UserError(plan.At(node.Start.Line, $"'{key}' must be a value or a list of values")),
    };

    // An empty value, '~' or 'null' written plainly (not quoted) is YAML's null.
    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    private static string NormalizePath(string path)
    {
        var normalized = path.Replace('\\', '/').Trim();
        while (normalized.StartsWith("./", StringComparison.Ordinal))
        {
            normalized = normalized[2..];
        }

        return normalized.TrimEnd('/') is { Length: > 0 } trimmed ? trimmed : ".";
    }
}
