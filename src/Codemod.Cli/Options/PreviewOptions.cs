using System.CommandLine;

namespace Codemod.Cli.Options;

/// <summary>The flags of <c>codemod preview</c> and their resolution into <see cref="PreviewSettings"/>.</summary>
internal sealed class PreviewOptions
{
    public CommonOptions Common { get; } = new();

    public Argument<string> Codemod { get; } = new("CODEMOD") { Description = "Name of the codemod (see `codemod list`)" };

    public Option<string> Format { get; } = CommonOptions.Choice("--format", "diff (coloured, default), patch (for git apply) or json", "diff", "patch", "json");

    public Option<bool> Check { get; } = new("--check") { Description = "Exit 3 when anything would change" };

    public Command AddTo(Command command)
    {
        command.Add(Codemod);
        Common.AddTo(command);
        foreach (var option in new Option[] { Format, Check, Common.Strict, Common.GeneratedMarker, Common.Formatter })
        {
            command.Add(option);
        }

        CommonOptions.AddConfigTo(command);
        return command;
    }

    public PreviewSettings Resolve(ParseResult parse, EnvironmentSnapshot environment) => new(
        CodemodRunSettings.Resolve(parse, Common, parse.GetValue(Codemod)!, environment),
        parse.GetValue(Format)!,
        parse.GetValue(Check),
        parse.GetValue(Common.Strict),
        SettingsResolver.Style(parse, environment));
}
