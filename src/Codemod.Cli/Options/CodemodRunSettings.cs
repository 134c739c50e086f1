namespace Codemod.Cli.Options;

/// <summary>A codemod run, resolved (shared by preview and apply): the codemod, its arguments with where each came from, and the engine settings.</summary>
internal sealed record CodemodRunSettings(string Codemod, IReadOnlyDictionary<string, Resolved<IReadOnlyList<string>>> Arguments, EngineSettings Engine)
{
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ArgumentValues => SettingsResolver.Values(Arguments);

    public static CodemodRunSettings Resolve(System.CommandLine.ParseResult parse, CommonOptions options, string codemod, EnvironmentSnapshot environment)
    {
        var engine = SettingsResolver.Engine(parse, options, environment);
        return new CodemodRunSettings(codemod, engine.Layers.Arguments(codemod), engine);
    }
}
