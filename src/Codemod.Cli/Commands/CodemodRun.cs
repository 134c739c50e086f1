using Codemod.Cli.Options;
using Codemod.Core.Cache;
using Codemod.Core.Changes;
using Codemod.Core.Progress;
using Codemod.Core.Settings;
using Codemod.Core.Transform;

namespace Codemod.Cli.Commands;

/// <summary>The shared first half of preview and apply: start workers, run the codemod, collect the change set.</summary>
internal sealed record CodemodRun(RunSettings Settings, ChangeSet Changes, IReadOnlyDictionary<string, string> Versions)
{
    /// <summary>What the codemod declared about itself (parameters, required modules).</summary>
    public required CodemodInfo Codemod { get; init; }

    /// <summary>
    /// Runs the codemod; <paramref name="preflight"/> holds checks that must pass before any worker starts (a clean tree for
    /// --commit); <paramref name="progress"/> observes the files; <paramref name="review"/> (apply -i) turns the run into what
    /// is written while the workers are still up.
    /// </summary>
    public static async Task<CodemodRun> ExecuteAsync(CodemodRunSettings run, CliContext context, CancellationToken cancellationToken, Action<RunSettings>? preflight = null, IFileProgress? progress = null, Func<CodemodSession, CodemodRun, Task<CodemodRun>>? review = null)
    {
        var settings = run.Engine.Run;
        preflight?.Invoke(settings);
        var arguments = run.ArgumentValues;
        await using var session = new CodemodSession(run.Engine.Python with { Notice = context.Error.WriteLine }, OpenCache(run.Engine.CacheDirectory, context));
        var origins = run.Arguments.Where(a => a.Value.Layer == SettingLayer.Configuration).ToDictionary(a => a.Key, a => a.Value.Where, StringComparer.Ordinal);
        var codemod = await session.ResolveAsync(run.Codemod, arguments, cancellationToken, settings.Formatter, origins).ConfigureAwait(false);
        var changes = await session.RunAsync(settings, codemod, arguments, progress, cancellationToken).ConfigureAwait(false);
        var versions = await session.VersionsAsync(cancellationToken).ConfigureAwait(false);
        var result = new CodemodRun(settings, changes, versions) { Codemod = codemod };
        return review is null ? result : await review(session, result).ConfigureAwait(false);
    }

    /// <summary>The result cache in <paramref name="directory"/>, or null when it is off.</summary>
    public static FileResultCache? OpenCache(string? directory, CliContext context) =>
        directory is null ? null : new FileResultCache(directory, FileResultCache.DefaultMaxBytes, context.Time);
}
