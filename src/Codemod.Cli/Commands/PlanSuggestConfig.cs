using Codemod.Core.Settings;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Codemod.Cli.Commands;

/// <summary>
/// The decisions a team records for <c>plan suggest</c> (<c>--config FILE</c>): <c>canonical:</c>, a list of classes that
/// win their group, and <c>factories:</c>, singleton → factory. Strict like the plan reader: anything else is one error line.
/// </summary>
internal sealed record PlanSuggestConfig(IReadOnlyList<string> Canonical, IReadOnlyDictionary<string, string> Factories)
{
    public static PlanSuggestConfig Parse(string text, string displayPath)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new UserError($"{displayPath}:{e.Start.Line}: invalid YAML: {e.Message}");
        }

        if (stream.Documents.Count == 0)
        {
            return new PlanSuggestConfig([], new Dictionary<string, string>());
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new UserError($"{displayPath}:1: expected a mapping with 'canonical' and/or 'factories'");
        }

        var canonical = new List<string>();
        var factories = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in root.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value;
            switch (key)
            {
                case "canonical" when value is YamlSequenceNode list && list.Children.All(c => c is YamlScalarNode { Value.Length: > 0 }):
                    canonical.AddRange(list.Children.Select(c => ((YamlScalarNode)c).Value!.Trim()));
                    break;
                case "factories" when value is YamlMappingNode map && map.Children.All(p => p.Key is YamlScalarNode { Value.Length: > 0 } && p.Value is YamlScalarNode { Value.Length: > 0 }):
                    foreach (var (singleton, factory) in map.Children)
                    {
                        factories[((YamlScalarNode)singleton).Value!.Trim()] = ((YamlScalarNode)factory).Value!.Trim();
                    }

                    break;
                case "canonical" or "factories":
                    throw new UserError($"{displayPath}:{value.Start.Line}: '{key}' must be {(key == "canonical" ? "a list of dotted class names" : "a mapping of singleton to factory, both dotted")}");
                default:
                    throw new UserError($"{displayPath}:{keyNode.Start.Line}: unknown key '{key}' (allowed: canonical, factories)");
            }
        }

        return new PlanSuggestConfig(canonical, factories);
    }
}
