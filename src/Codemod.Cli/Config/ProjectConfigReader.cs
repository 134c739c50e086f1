using System.Globalization;
using Codemod.Cli.Options;
using Codemod.Core.Settings;

namespace Codemod.Cli.Config;

/// <summary>
/// Checks a configuration file's entries into a <see cref="ProjectConfig"/>: a setting key with the wrong type, an
/// unknown key (with the closest known one) or a codemod section that is not a table is one <see cref="UserError"/>
/// naming the file, the key and the line; nothing runs.
/// </summary>
internal static class ProjectConfigReader
{
    /// <summary>The settings a configuration may hold; any other key must be a table of a codemod's default arguments.</summary>
    public static readonly string[] Keys = ["include", "exclude", "jobs", "timeout", "python", "formatter", "generated-marker", "cache-dir"];

    public static ProjectConfig Read(string file, string displayPath)
    {
        var text = SettingsFileText.Read(file, displayPath, "configuration");
        var isToml = file.EndsWith(".toml", StringComparison.OrdinalIgnoreCase);
        if (!isToml && !file.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) && !file.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
        {
            throw new UserError($"{displayPath}: a configuration is a .toml file with a [tool.codemod] table (pyproject.toml) or a .yaml file (.codemod.yaml)");
        }

        var entries = isToml
            ? TomlConfigReader.Read(text, displayPath) ?? throw new UserError($"{displayPath}:1: no [tool.codemod] table: write the settings under [tool.codemod]")
            : YamlConfigReader.Read(text, displayPath);
        return Interpret(entries, new ProjectConfig(file, displayPath), isToml ? "[tool.codemod]" : displayPath);
    }

    public static ProjectConfig Interpret(IReadOnlyList<ConfigEntry> entries, ProjectConfig config, string where)
    {
        var folder = Path.GetDirectoryName(config.File) ?? ".";
        var codemods = new Dictionary<string, IReadOnlyDictionary<string, ConfigValue<IReadOnlyList<string>>>>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var key = entry.Key.Replace('_', '-');
            string Fail(string what) => $"{config.At(entry.Line)}: '{entry.Key}' {what}";
            config = key switch
            {
                "include" => config with { Include = new(Strings(entry.Value) ?? throw new UserError(Fail("must be a glob or a list of globs")), entry.Line) },
                "exclude" => config with { Exclude = new(Strings(entry.Value) ?? throw new UserError(Fail("must be a glob or a list of globs")), entry.Line) },
                "jobs" => config with { Jobs = new(entry.Value is long jobs and >= 1 and <= 1024 ? (int)jobs : throw new UserError(Fail("must be a whole number of workers, at least 1")), entry.Line) },
                "timeout" => config with { Timeout = new(entry.Value is long or double && Convert.ToDouble(entry.Value, CultureInfo.InvariantCulture) is > 0 and var seconds ? seconds : throw new UserError(Fail("must be a positive number of seconds")), entry.Line) },
                "python" => config with { Python = new(entry.Value is string { Length: > 0 } python ? Interpreter(python, folder) : throw new UserError(Fail("must be an interpreter name or path")), entry.Line) },
                "formatter" => config with { Formatter = new(Formatter(entry.Value) ?? throw new UserError(Fail("must be a command (\"ruff format -\") or its argv as a list")), entry.Line) },
                "generated-marker" => config with { GeneratedMarker = new(entry.Value as string ?? throw new UserError(Fail("must be a text ('' processes generated files)")), entry.Line) },
                "cache-dir" => config with { CacheDirectory = new(entry.Value is string { Length: > 0 } dir ? Path.GetFullPath(dir, folder) : throw new UserError(Fail("must be a folder")), entry.Line) },
                _ when entry.Value is IReadOnlyList<ConfigEntry> => config,
                _ => throw new UserError($"{config.At(entry.Line)}: unknown key '{entry.Key}' in {where}{Hint(entry.Key)} (settings: {string.Join(", ", Keys)}; a table names a codemod)"),
            };
            if (entry.Value is IReadOnlyList<ConfigEntry> arguments && !Keys.Contains(key))
            {
                codemods[entry.Key] = CodemodArguments(config, entry.Key, arguments);
            }
        }

        return config with { Codemods = codemods };
    }

    private static Dictionary<string, ConfigValue<IReadOnlyList<string>>> CodemodArguments(ProjectConfig config, string codemod, IReadOnlyList<ConfigEntry> entries)
    {
        var result = new Dictionary<string, ConfigValue<IReadOnlyList<string>>>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var values = entry.Value switch
            {
                IReadOnlyList<ConfigEntry> => null,
                IReadOnlyList<object> list => list.All(IsScalar) ? list.Select(Text).ToList() : null,
                var scalar => [Text(scalar)],
            };
            result[entry.Key.Trim().Replace('-', '_')] = new(values ?? throw new UserError($"{config.At(entry.Line)}: argument '{entry.Key}' of codemod '{codemod}' must be a value or a list of values"), entry.Line);
        }

        return result;
    }

    private static string Hint(string key) => UnknownOptions.Closest(key, Keys) is { } closest ? $": did you mean '{closest}'?" : string.Empty;

    private static IReadOnlyList<string>? Strings(object value) => value switch
    {
        string text => [text],
        IReadOnlyList<object> list when list.All(v => v is string) => [.. list.Cast<string>()],
        _ => null,
    };

    private static IReadOnlyList<string>? Formatter(object value) => value switch
    {
        string { Length: > 0 } command => CommandSplitter.Split(command, "formatter"),
        IReadOnlyList<object> { Count: > 0 } list when list.All(v => v is string) => [.. list.Cast<string>()],
        _ => null,
    };

    // A bare name ("python3.12") is looked up on PATH; anything with a separator is a path next to the configuration.
    private static string Interpreter(string python, string folder) =>
        python.Contains('/', StringComparison.Ordinal) || python.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal) ? Path.GetFullPath(python, folder) : python;

    private static bool IsScalar(object value) => value is string or long or double or bool;

    private static string Text(object value) => value switch
    {
        bool flag => flag ? "true" : "false",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
