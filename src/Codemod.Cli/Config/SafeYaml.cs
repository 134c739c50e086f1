using Codemod.Core.Settings;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Codemod.Cli.Config;

/// <summary>
/// The checks a YAML file passes before anything is built from it: keys must be plain values (an alias or a collection
/// as a key is how an alias bomb reaches a hash table), and aliases are counted, so a hostile file is refused in
/// milliseconds. The same limits as the plan reader's.
/// </summary>
internal static class SafeYaml
{
    /// <summary>Aliases beyond this are refused: a handful of nested aliases expand to gigabytes (the "billion laughs").</summary>
    public const int MaxAliases = 20;

    /// <summary>
    /// Checks the shape (<see cref="CheckShape"/>), then loads the text; broken YAML is one <see cref="UserError"/> naming
    /// the file and the line (a repeated key said in words).
    /// </summary>
    public static YamlStream Load(string text, string displayPath, string what)
    {
        var stream = new YamlStream();
        try
        {
            CheckShape(text, displayPath, what);
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            var message = e.Message.Contains("Duplicate key", StringComparison.OrdinalIgnoreCase) || (e.InnerException?.Message ?? string.Empty).Contains("same key", StringComparison.OrdinalIgnoreCase)
                ? "a key appears twice in the same mapping"
                : string.Join(' ', e.Message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
            throw new UserError($"{displayPath}:{e.Start.Line}: invalid YAML: {message}");
        }

        return stream;
    }

    /// <summary>Refuses non-scalar keys and too many aliases; <c>what</c> ("a configuration", "a plan") names the file's kind in the message.</summary>
    public static void CheckShape(string text, string displayPath, string what)
    {
        var parser = new Parser(new StringReader(text));
        var containers = new Stack<(bool Mapping, bool ExpectKey)>();
        var aliases = 0;
        while (parser.MoveNext())
        {
            var current = parser.Current!;
            if (current is NodeEvent or AnchorAlias && containers.TryPop(out var top))
            {
                if (top.Mapping && top.ExpectKey && current is not Scalar)
                {
                    throw new UserError($"{displayPath}:{current.Start.Line}: a key must be a plain value: an alias, a list or a mapping as a key is refused");
                }

                containers.Push((top.Mapping, top.Mapping && !top.ExpectKey));
            }

            if (current is AnchorAlias && ++aliases > MaxAliases)
            {
                throw new UserError($"{displayPath}:{current.Start.Line}: more than {MaxAliases} YAML aliases: {what} does not need them (write the values out)");
            }

            switch (current)
            {
                case MappingStart:
                    containers.Push((true, true));
                    break;
                case SequenceStart:
                    containers.Push((false, false));
                    break;
                case MappingEnd or SequenceEnd:
                    containers.TryPop(out _);
                    break;
            }
        }
    }
}
