namespace Codemod.Cli.Config;

/// <summary>
/// The project's configuration (<c>[tool.codemod]</c> in pyproject.toml, or .codemod.yaml), checked: every value has the
/// type its key needs and the line it was written on, so a resolved setting can say where it came from.
/// </summary>
internal sealed record ProjectConfig(string File, string DisplayPath)
{
    public ConfigValue<IReadOnlyList<string>>? Include { get; init; }

    public ConfigValue<IReadOnlyList<string>>? Exclude { get; init; }

    public ConfigValue<int>? Jobs { get; init; }

    public ConfigValue<double>? Timeout { get; init; }

    /// <summary>An interpreter name, or a path (relative ones are resolved against the configuration file's folder).</summary>
    public ConfigValue<string>? Python { get; init; }

    /// <summary>The formatter's argv (a string value is split as a shell would split words).</summary>
    public ConfigValue<IReadOnlyList<string>>? Formatter { get; init; }

    public ConfigValue<string>? GeneratedMarker { get; init; }

    /// <summary>Absolute: a relative value is resolved against the configuration file's folder.</summary>
    public ConfigValue<string>? CacheDirectory { get; init; }

    /// <summary>Default arguments per codemod name (parameter names in snake_case, as <c>--arg</c> takes them).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, ConfigValue<IReadOnlyList<string>>>> Codemods { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, ConfigValue<IReadOnlyList<string>>>>(StringComparer.Ordinal);

    /// <summary>"pyproject.toml:12": how a setting's origin is shown.</summary>
    public string At(int line) => $"{DisplayPath}:{line}";
}
