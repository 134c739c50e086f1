using System.CommandLine;
using System.Globalization;
using Codemod.Cli.Options;
using Codemod.Core.Progress;
using Codemod.Core.Scan;
using Codemod.Core.Settings;

namespace Codemod.Cli.Commands;

/// <summary>The shared first half of scan and mro: start workers, scan every file into facts.</summary>
internal sealed record ScanRun(RunSettings Settings, ProjectScan Scan)
{
    public static Task<ScanRun> ExecuteAsync(
        ParseResult parse,
        CommonOptions options,
        string command,
        IReadOnlyDictionary<string, IReadOnlyList<string>> arguments,
        CliContext context,
        CancellationToken cancellationToken) =>
        ExecuteAsync(SettingsResolver.Engine(parse, options, context.Environment), command, arguments, context, cancellationToken);

    public static async Task<ScanRun> ExecuteAsync(
        EngineSettings engine,
        string command,
        IReadOnlyDictionary<string, IReadOnlyList<string>> arguments,
        CliContext context,
        CancellationToken cancellationToken,
        IFileProgress? progress = null)
    {
        var settings = engine.Run;
        if (settings.Shard is not null)
        {
            throw new UserError($"{command} compares files with each other, so a shard would miss duplicates across shards: drop --shard");
        }

        await using var session = new CodemodSession(engine.Python with { Notice = context.Error.WriteLine }, CodemodRun.OpenCache(engine.CacheDirectory, context));
        var scan = await session.ScanAsync(settings, arguments, progress, cancellationToken).ConfigureAwait(false);
        return new ScanRun(settings, scan);
    }

    /// <summary>One line on stderr: files, what the command found (e.g. "80 findings"), failures, time.</summary>
    public static void WriteSummary(TextWriter error, string command, ProjectScan scan, string found)
    {
        var failed = scan.Files.Count(f => f.Kind == ScanOutcomeKind.Failed);
        var skipped = scan.Files.Count(f => f.Kind == ScanOutcomeKind.Skipped);
        var seconds = scan.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
        error.WriteLine($"{command}: {scan.Files.Count} files, {found}, {failed} failed, {skipped} skipped in {seconds} s");
    }
}
