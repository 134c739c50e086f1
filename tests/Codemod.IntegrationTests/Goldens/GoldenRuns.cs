using System.Collections.Concurrent;
using Codemod.Core.Changes;
using Codemod.Core.Files;
using Codemod.Core.Transform;
using Codemod.IntegrationTests.Infrastructure;
using Codemod.Python;

namespace Codemod.IntegrationTests.Goldens;

/// <summary>
/// The real worker runs of every golden case under each host, started together when the class starts so that every
/// worker of both pools is busy (a theory's cases run one after another: awaited one by one, one worker of four would
/// work). Each case and host runs once on before.py and, when that changed or kept the file, once more on after.py; the
/// tests that compare the same run (the golden test and the two-host comparison) await the same task.
/// </summary>
public sealed class GoldenRuns : IAsyncLifetime
{
    private static readonly WorkerHostKind[] Hosts = [WorkerHostKind.Pythonnet, WorkerHostKind.Python];

    private readonly ConcurrentDictionary<(string Name, WorkerHostKind Host), Lazy<Task<GoldenRun>>> _runs = new();
    private readonly WorkerPoolFixture _workers = new();

    /// <summary>The run of <paramref name="golden"/> under <paramref name="host"/> (started now if it was not yet).</summary>
    public Task<GoldenRun> RunAsync(GoldenCase golden, WorkerHostKind host) =>
        _runs.GetOrAdd((golden.ToString(), host), _ => new Lazy<Task<GoldenRun>>(() => Task.Run(() => TransformTwiceAsync(golden, host)))).Value;

    public Task InitializeAsync()
    {
        // Queued, not awaited: the pools hand the requests to their workers as they free up.
        foreach (var golden in GoldenCase.All(Paths.Fixtures))
        {
            foreach (var host in Hosts)
            {
                _ = RunAsync(golden, host);
            }
        }

        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        // Let every queued run end before the workers go, so no request is cut off mid-way.
        await Task.WhenAll(_runs.Values.Select(r => r.Value.ContinueWith(_ => { }, TaskScheduler.Default)));
        await _workers.DisposeAsync();
    }

    private async Task<GoldenRun> TransformTwiceAsync(GoldenCase golden, WorkerHostKind host)
    {
        var before = await File.ReadAllBytesAsync(golden.BeforePath);
        var first = await TransformAsync(golden, before, host);
        if (first.Kind is not (OutcomeKind.Changed or OutcomeKind.Unchanged))
        {
            return new GoldenRun(first, null);
        }

        var expectedAfter = File.Exists(golden.AfterPath) ? await File.ReadAllBytesAsync(golden.AfterPath) : before;
        return new GoldenRun(first, await TransformAsync(golden, expectedAfter, host));
    }

    private Task<FileOutcome> TransformAsync(GoldenCase golden, byte[] source, WorkerHostKind host) =>
        _workers.For(host).TransformAsync(
            new TransformRequest(SourceFile.FromBytes(golden.VirtualPath, golden.BeforePath, source), golden.Codemod, golden.Arguments, golden.ContextModules),
            CancellationToken.None);
}

/// <summary>One golden case under one host: the outcome on before.py, and on after.py when the first run changed or kept the file.</summary>
public sealed record GoldenRun(FileOutcome First, FileOutcome? Again);
