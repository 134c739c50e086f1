using System.CommandLine;

namespace Codemod.Cli.Options;

/// <summary>The flags of <c>codemod doctor</c> and their resolution into <see cref="DoctorSettings"/>.</summary>
internal sealed class DoctorOptions
{
    public Option<string?> Root { get; } = new("--root") { Description = "Project whose modules the codemods need (default: the current folder)", HelpName = "DIR" };

    public Option<string[]> Args { get; } = new("--arg") { Description = "Check the module a codemod parameter would name, e.g. --arg module=platform.env (repeatable)", HelpName = "NAME=VALUE", Arity = ArgumentArity.ZeroOrMore };

    public Command AddTo(Command command)
    {
        command.Add(Root);
        command.Add(Args);
        CommonOptions.AddConfigTo(command);
        return command;
    }

    public DoctorSettings Resolve(ParseResult parse, EnvironmentSnapshot environment)
    {
        var given = parse.GetValue(Root);
        var root = Path.GetFullPath(given ?? ".", environment.CurrentDirectory);
        var layers = SettingsResolver.Layers(parse, null, environment, root);
        return new DoctorSettings(
            SettingsResolver.Python(parse, null, environment, layers, null),
            layers.Python(),
            root,
            given,
            SettingsResolver.Arguments(parse.GetValue(Args) ?? []),
            layers,
            SettingsResolver.Style(parse, environment));
    }
}
