using System.CommandLine;

namespace Codemod.Cli.Options;

/// <summary>The flags of <c>codemod plan</c> and their resolution into <see cref="PlanSettings"/>.</summary>
internal sealed class PlanOptions
{
    public CommonOptions Common { get; } = new();

    public Argument<string> File { get; } = new("PLAN") { Description = "The plan file (YAML; format in README)" };

    public Option<bool> DryRun { get; } = new("--dry-run") { Description = "Preview every step (each seeing the previous steps' output) on a temporary copy; the repository is not touched" };

    public Option<bool> NoVerify { get; } = new("--no-verify") { Description = "Skip the pre-commit and commit-msg hooks of the step commits" };

    public Option<string> Format { get; } = CommonOptions.Choice("--format", "text (diffs on stdout for --dry-run, progress on stderr; default) or json (the plan document on stdout)", "text", "json");

    public Command AddTo(Command command)
    {
        foreach (var symbol in new Symbol[] { File, DryRun, NoVerify, Format, Common.Root, Common.Jobs, Common.Timeout, Common.MaxFileSize, Common.Codemods, Common.Strict })
        {
            switch (symbol)
            {
                case Argument argument:
                    command.Add(argument);
                    break;
                case Option option:
                    command.Add(option);
                    break;
            }
        }

        CommonOptions.AddConfigTo(command);
        return command;
    }

    public PlanSettings Resolve(ParseResult parse, EnvironmentSnapshot environment)
    {
        var given = parse.GetValue(File)!;
        return new PlanSettings(
            Path.GetFullPath(given, environment.CurrentDirectory),
            given,
            SettingsResolver.Plan(parse, Common, environment),
            parse.GetValue(DryRun),
            parse.GetValue(NoVerify),
            parse.GetValue(Format) == "json",
            parse.GetValue(Common.Strict),
            SettingsResolver.Style(parse, environment));
    }
}
