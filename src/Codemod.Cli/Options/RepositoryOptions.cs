using System.CommandLine;

namespace Codemod.Cli.Options;

/// <summary>The flags of history, rollback and recover (a run id, <c>--root</c>, <c>--format</c>, rollback's modes) and their resolution into <see cref="RepositorySettings"/>.</summary>
internal sealed class RepositoryOptions(string rootDescription, bool withFormat = true)
{
    public Option<string?> Root { get; } = new("--root") { Description = rootDescription };

    public Option<string> Format { get; } = CommonOptions.Choice("--format", "text (default) or json", "text", "json");

    public Argument<string?>? RunId { get; init; }

    public Option<bool>? Hard { get; init; }

    public Option<bool>? NoVerify { get; init; }

    public Command AddTo(Command command)
    {
        if (RunId is not null)
        {
            command.Add(RunId);
        }

        foreach (var option in new Option?[] { Hard, NoVerify, withFormat ? Format : null, Root }.OfType<Option>())
        {
            command.Add(option);
        }

        return command;
    }

    public RepositorySettings Resolve(ParseResult parse, EnvironmentSnapshot environment)
    {
        var given = parse.GetValue(Root);
        return new RepositorySettings(Path.GetFullPath(given ?? ".", environment.CurrentDirectory), given, withFormat && parse.GetValue(Format) == "json", SettingsResolver.Style(parse, environment))
        {
            RunId = RunId is null ? null : parse.GetValue(RunId),
            Hard = Hard is not null && parse.GetValue(Hard),
            NoVerify = NoVerify is not null && parse.GetValue(NoVerify),
        };
    }
}
