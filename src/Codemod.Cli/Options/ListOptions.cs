using System.CommandLine;
using Codemod.Python;

namespace Codemod.Cli.Options;

/// <summary>The flags of <c>codemod list</c> and their resolution into <see cref="ListSettings"/>.</summary>
internal sealed class ListOptions
{
    public Option<string[]> Codemods { get; } = new("--codemods") { Description = "Extra folder of codemods (repeatable)", HelpName = "DIR", Arity = ArgumentArity.ZeroOrMore };

    public Option<string> Format { get; } = CommonOptions.Choice("--format", "text (default) or json", "text", "json");

    public Option<bool> All { get; } = new("--all") { Description = "Also list LibCST's built-in commands (run them by their dotted path)" };

    public Command AddTo(Command command)
    {
        command.Add(Codemods);
        command.Add(Format);
        command.Add(All);
        CommonOptions.AddConfigTo(command);
        return command;
    }

    public ListSettings Resolve(ParseResult parse, EnvironmentSnapshot environment)
    {
        var layers = SettingsResolver.Layers(parse, null, environment, environment.CurrentDirectory);
        var python = SettingsResolver.Python(parse, null, environment, layers, null) with
        {
            CodemodDirectories = [PythonSettings.BundledCodemodDirectory, .. (parse.GetValue(Codemods) ?? []).Select(d => Path.GetFullPath(d, environment.CurrentDirectory))],
        };
        return new ListSettings(python, parse.GetValue(Format) == "json", parse.GetValue(All), SettingsResolver.Style(parse, environment));
    }
}
