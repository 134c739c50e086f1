using System.Collections.Concurrent;
using Codemod.Core.Progress;

namespace Codemod.Core.Engine;

/// <summary>
/// The per-file loop of the codemod and scan pipelines: files in parallel (twice the workers in flight, so every worker
/// stays busy while the next files are read and prefiltered), each task holding a progress slot while its file runs.
/// </summary>
internal static class FileFanOut
{
    /// <summary>Runs <paramref name="body"/> (path, progress slot, token) over every path; results in completion order.</summary>
    public static async Task<IReadOnlyCollection<T>> RunAsync<T>(
        IReadOnlyList<string> paths,
        int jobs,
        IFileProgress? progress,
        Func<string, int, CancellationToken, Task<T>> body,
        Func<T, FileProgressKind> kind,
        CancellationToken cancellationToken)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs) * 2, CancellationToken = cancellationToken };
        var slots = progress is null ? null : new ProgressSlots(options.MaxDegreeOfParallelism);
        var results = new ConcurrentBag<T>();
        progress?.Begin(paths.Count, options.MaxDegreeOfParallelism);
        try
        {
            await Parallel.ForEachAsync(paths, options, async (path, token) =>
            {
                var slot = slots?.Take() ?? 0;
                var result = await body(path, slot, token).ConfigureAwait(false);
                results.Add(result);
                if (progress is not null)
                {
                    progress.Finished(slot, path, kind(result));
                    slots!.Return(slot);
                }
            }).ConfigureAwait(false);
        }
        finally
        {
            progress?.End();
        }

        return results;
    }
}
