using System.Diagnostics;
using Codemod.Core.Cache;
using Codemod.Core.Changes;
using Codemod.Core.Discovery;
using Codemod.Core.Engine;
using Codemod.Core.Files;
using Codemod.Core.Progress;
using Codemod.Core.Settings;

namespace Codemod.Core.Scan;

/// <summary>
/// Discover → read and classify → result cache → scan in the workers: the facts of every file of a run, sorted by path.
/// Writes nothing to the project.
/// </summary>
public sealed class ScanPipeline(IScanRunner runner, IFileLister lister, ResultCacheScope? cache = null)
{
    public async Task<ProjectScan> RunAsync(
        RunSettings settings,
        IReadOnlyDictionary<string, IReadOnlyList<string>> arguments,
        IFileProgress? progress,
        CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var paths = new FileDiscoverer(lister).Discover(settings);
        var classifier = new FileClassifier(settings.MaxFileSize);
        var scans = await FileFanOut.RunAsync(
            paths,
            settings.Jobs,
            progress,
            async (path, slot, token) =>
            {
                var (file, early) = classifier.Read(settings.Root, path);
                return early is null
                    ? await ScanAsync(file!, arguments, progress, slot, token).ConfigureAwait(false)
                    : early.Kind == OutcomeKind.Skipped
                        ? FileScan.Skipped(path, early.Reason ?? "skipped")
                        : FileScan.Failed(path, early.Reason ?? "cannot read", early.Line);
            },
            scan => scan.Kind switch
            {
                ScanOutcomeKind.Failed => FileProgressKind.Failed,
                ScanOutcomeKind.Skipped => FileProgressKind.Skipped,
                _ => FileProgressKind.Done,
            },
            cancellationToken).ConfigureAwait(false);

        return new ProjectScan([.. scans.OrderBy(s => s.Path, StringComparer.Ordinal)], Stopwatch.GetElapsedTime(started));
    }

    private async Task<FileScan> ScanAsync(SourceFile file, IReadOnlyDictionary<string, IReadOnlyList<string>> arguments, IFileProgress? progress, int slot, CancellationToken cancellationToken)
    {
        var key = cache?.ScanKey(file, arguments);
        if (key is not null && cache!.TryGetScan(key, file.RelativePath) is { } known)
        {
            return known;
        }

        progress?.Started(slot, file.RelativePath);
        var scan = await runner.ScanAsync(file, arguments, cancellationToken).ConfigureAwait(false);
        if (key is not null)
        {
            cache!.PutScan(key, scan);
        }

        return scan;
    }
}
