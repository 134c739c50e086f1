using System.Collections.Concurrent;
using Codemod.Core.Changes;
using Codemod.Core.Files;
using Codemod.Core.Scan;
using Codemod.Core.Transform;
using Codemod.IntegrationTests.Goldens;
using Codemod.IntegrationTests.Infrastructure;

namespace Codemod.IntegrationTests.Scan;

/// <summary>
/// The codemod run and the scan of every env-to-isolated golden input through real workers, all queued when the class
/// starts so that both workers of the pool are busy (a theory's cases run one after another).
/// </summary>
public sealed class EnvFormRuns : IAsyncLifetime
{
    public const string Codemod = "env-to-isolated";

    private readonly ConcurrentDictionary<string, Lazy<Task<(FileOutcome Outcome, FileScan Scan)>>> _runs = new(StringComparer.Ordinal);
    private readonly WorkerPoolFixture _workers = new();

    public static IEnumerable<GoldenCase> Goldens => GoldenCase.All(Paths.Fixtures).Where(c => c.Codemod == Codemod);

    /// <summary>The codemod's outcome and the scan of <paramref name="golden"/>'s before.py (the scan allowing what the codemod allows).</summary>
    public Task<(FileOutcome Outcome, FileScan Scan)> RunAsync(GoldenCase golden) =>
        _runs.GetOrAdd(golden.Name, _ => new Lazy<Task<(FileOutcome, FileScan)>>(() => Task.Run(() => TransformAndScanAsync(golden)))).Value;

    public Task InitializeAsync()
    {
        // Queued, not awaited: the pool hands the requests to its workers as they free up.
        foreach (var golden in Goldens)
        {
            _ = RunAsync(golden);
        }

        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Task.WhenAll(_runs.Values.Select(r => r.Value.ContinueWith(_ => { }, TaskScheduler.Default)));
        await _workers.DisposeAsync();
    }

    private async Task<(FileOutcome, FileScan)> TransformAndScanAsync(GoldenCase golden)
    {
        var source = SourceFile.FromBytes(golden.VirtualPath, golden.BeforePath, await File.ReadAllBytesAsync(golden.BeforePath));
        var outcome = await _workers.Pool.TransformAsync(new TransformRequest(source, Codemod, golden.Arguments, golden.ContextModules), CancellationToken.None);
        var scan = await _workers.Pool.ScanAsync(source, ScanArguments(golden), CancellationToken.None);
        return (outcome, scan);
    }

    private static IReadOnlyDictionary<string, IReadOnlyList<string>> ScanArguments(GoldenCase golden)
    {
        // The codemod's default allow glob is its --module's file; the scan's is shared/isolated_environment.py.
        if (golden.Arguments.TryGetValue("allow", out var allow))
        {
            return new Dictionary<string, IReadOnlyList<string>> { ["allow"] = allow };
        }

        var module = golden.Arguments.TryGetValue("module", out var m) ? m[0] : "shared.isolated_environment";
        return new Dictionary<string, IReadOnlyList<string>> { ["allow"] = [module.Replace('.', '/') + ".py"] };
    }
}
