using Codemod.Core.Transform;

namespace Codemod.Cli.Rendering;

/// <summary>The document of <c>codemod list --format json</c> (docs/schemas/list.schema.json): the codemods, sorted by name.</summary>
internal sealed record CodemodListDocument(int SchemaVersion, IReadOnlyList<CodemodListEntryDocument> Codemods)
{
    public static CodemodListDocument From(IEnumerable<CodemodInfo> codemods) =>
        new(DocumentJson.SchemaVersion, [.. codemods.Select(CodemodListEntryDocument.From)]);
}

/// <summary>One codemod as it declares itself; <c>contextArgNames</c> repeats <c>contextArgs</c> as a list that is never null.</summary>
internal sealed record CodemodListEntryDocument(
    string Name,
    string Description,
    string Version,
    IReadOnlyList<string> Prefilter,
    IReadOnlyList<CodemodParameterDocument> Parameters,
    bool Breaking,
    IReadOnlyList<string>? ContextArgs,
    bool PrefilterFromArgs,
    IReadOnlyList<string> ContextArgNames,
    IReadOnlyList<RequiredModuleDocument> RequiredModules)
{
    public static CodemodListEntryDocument From(CodemodInfo codemod) => new(
        codemod.Name,
        codemod.Description,
        codemod.Version,
        codemod.Prefilter,
        [.. codemod.Parameters.Select(p => new CodemodParameterDocument(p.Name, p.Help, p.Default, p.Required, p.Multiple))],
        codemod.Breaking,
        codemod.ContextArgs,
        codemod.PrefilterFromArgs,
        codemod.ContextArgNames,
        [.. codemod.RequiredModules.Select(m => new RequiredModuleDocument(m.Parameter, m.NameParameter))]);
}

/// <summary>One <c>--arg</c> parameter of a listed codemod.</summary>
internal sealed record CodemodParameterDocument(string Name, string Help, string? Default, bool Required, bool Multiple);

/// <summary>A parameter naming a module the changed files will import, and the parameter naming what they import from it.</summary>
internal sealed record RequiredModuleDocument(string Parameter, string? NameParameter);
