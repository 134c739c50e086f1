using System.CommandLine;
using Codemod.Core.Inheritance;
using Codemod.Core.Settings;

namespace Codemod.Cli.Options;

/// <summary>The flags of <c>codemod mro</c> and their resolution into <see cref="MroSettings"/>.</summary>
internal sealed class MroOptions
{
    public CommonOptions Common { get; } = new();

    public Argument<string> Pattern { get; } = new("CLASS-PATTERN") { Description = "Class name glob (e.g. '*WebSocketManager') or qualified name (pkg.module.Class, globs allowed)" };

    public Option<string> Format { get; } = CommonOptions.Choice("--format", "text (default), mermaid (a classDiagram) or json", "text", "mermaid", "json");

    public Command AddTo(Command command)
    {
        command.Add(Pattern);
        Common.AddTo(command);
        command.Add(Format);
        CommonOptions.AddConfigTo(command);
        return command;
    }

    public MroSettings Resolve(ParseResult parse, EnvironmentSnapshot environment)
    {
        var pattern = ClassPattern.Parse(parse.GetValue(Pattern)!);
        if ((parse.GetValue(Common.Args) ?? []).Length > 0)
        {
            throw new UserError("mro takes no --arg");
        }

        return new MroSettings(SettingsResolver.Engine(parse, Common, environment), pattern, parse.GetValue(Format)!, SettingsResolver.Style(parse, environment));
    }
}
