using System.CommandLine;
using Codemod.Cli.Options;
using Codemod.Core.Changes;
using Codemod.Core.Settings;
using Codemod.Core.Transform;

namespace Codemod.Cli.Commands;

/// <summary>The shared first half of preview and apply: resolve settings, start workers, run the codemod, collect the change set.</summary>
internal sealed record CodemodRun(RunSettings Settings, ChangeSet Changes, IReadOnlyDictionary<string, string> Versions)
{
    /// <summary>What the codemod declared about itself (parameters, required modules).</summary>
    public required CodemodInfo Codemod { get; init; }

    /// <summary>Runs the codemod; <paramref name="preflight"/> holds checks that must pass before any worker starts (a clean tree for --commit).</summary>
    public static async Task<CodemodRun> ExecuteAsync(ParseResult parse, CommonOptions options, string codemodName, CliContext context, CancellationToken cancellationToken, Action<RunSettings>? preflight = null)
    {
        var settings = SettingsResolver.Run(parse, options, context.Environment);
        preflight?.Invoke(settings);
        var arguments = SettingsResolver.Arguments(parse.GetValue(options.Args) ?? []);
        await using var session = new CodemodSession(SettingsResolver.Python(parse, options, context.Environment, settings, context.Error), CacheCommand.Open(parse, context));
        var codemod = await session.ResolveAsync(codemodName, arguments, cancellationToken, settings.Formatter).ConfigureAwait(false);
        var changes = await session.RunAsync(settings, codemod, arguments, null, cancellationToken).ConfigureAwait(false);
        var versions = await session.VersionsAsync(cancellationToken).ConfigureAwait(false);
        return new CodemodRun(settings, changes, versions) { Codemod = codemod };
    }

    public static Argument<string> CodemodArgument() => new("CODEMOD") { Description = "Name of the codemod (see `codemod list`)" };
}
