namespace Codemod.Core.Transform;

/// <summary>What a codemod declares about itself: name, version, prefilter tokens, parameters, whether it breaks APIs.</summary>
public sealed record CodemodInfo(
    string Name,
    string Description,
    string Version,
    IReadOnlyList<string> Prefilter,
    IReadOnlyList<CodemodParameter> Parameters,
    bool Breaking = false,
    IReadOnlyList<string>? ContextArgs = null,
    bool PrefilterFromArgs = false)
{
    public IReadOnlyList<string> ContextArgNames => ContextArgs ?? [];

    /// <summary>Parameters naming a module the changed files will import (<c>REQUIRED_MODULE_ARGS</c>): it must exist in the project.</summary>
    public IReadOnlyList<RequiredModule> RequiredModules { get; init; } = [];

    /// <summary>The value of a single-valued parameter: the argument given, else its declared default.</summary>
    public string? ValueOf(string parameter, IReadOnlyDictionary<string, IReadOnlyList<string>> arguments) =>
        arguments.TryGetValue(parameter, out var values) && values.Count > 0
            ? values[0]
            : Parameters.FirstOrDefault(p => p.Name == parameter)?.Default;
}

/// <summary>A parameter naming a module changed files import, and the parameter naming what they import from it (if any).</summary>
public sealed record RequiredModule(string Parameter, string? NameParameter);

/// <summary>One parameter a codemod accepts through <c>--arg NAME=VALUE</c>.</summary>
public sealed record CodemodParameter(string Name, string Help, string? Default, bool Required, bool Multiple);
