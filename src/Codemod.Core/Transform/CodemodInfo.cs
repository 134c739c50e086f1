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
}

/// <summary>One parameter a codemod accepts through <c>--arg NAME=VALUE</c>.</summary>
public sealed record CodemodParameter(string Name, string Help, string? Default, bool Required, bool Multiple);
