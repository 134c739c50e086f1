using System.Globalization;
using Codemod.Core.Settings;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Codemod.Cli.Config;

/// <summary>
/// Reads .codemod.yaml with the plan reader's limits: a size bound, at most a handful of aliases (an alias bomb is refused
/// before anything is built), plain keys only, one document.
/// </summary>
internal static class YamlConfigReader
{
    public const int MaxChars = 256 * 1024;
    public static IReadOnlyList<ConfigEntry> Read(string text, string displayPath)
    {
        if (text.Length > MaxChars)
        {
            throw new UserError($"{displayPath}: the configuration is {text.Length:N0} characters; it is limited to {MaxChars:N0}");
        }

        var stream = SafeYaml.Load(text, displayPath, "a configuration");

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return [];
        }

        if (stream.Documents.Count > 1)
        {
            throw new UserError($"{displayPath}:{stream.Documents[1].RootNode.Start.Line}: a configuration file holds one YAML document");
        }

        return stream.Documents[0].RootNode is YamlMappingNode root
            ? Entries(root)
            : throw new UserError($"{displayPath}:{stream.Documents[0].RootNode.Start.Line}: the configuration must be a mapping of settings (jobs: 4, include: [...])");
    }

    private static List<ConfigEntry> Entries(YamlMappingNode map) =>
        [.. map.Children.Select(kv => new ConfigEntry(((YamlScalarNode)kv.Key).Value ?? string.Empty, Value(kv.Value), (int)kv.Key.Start.Line))];

    private static object Value(YamlNode node) => node switch
    {
        YamlMappingNode map => Entries(map),
        YamlSequenceNode sequence => sequence.Children.Select(Value).ToList(),
        YamlScalarNode scalar => Scalar(scalar),
        _ => string.Empty,
    };

    // Plain scalars carry YAML's core types (4, 2.5, true); quoted ones are always strings.
    private static object Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any))
        {
            return text;
        }

        return text switch
        {
            "true" or "True" or "TRUE" => true,
            "false" or "False" or "FALSE" => false,
            _ when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer) => integer,
            _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => number,
            _ => text,
        };
    }
}
