using Codemod.Python;

namespace Codemod.IntegrationTests.Infrastructure;

/// <summary>
/// Pools of real workers shared by a test class (starting LibCST costs about half a second per worker): <see cref="Pool"/>
/// with the host the engine would choose, and one pool per forced host for the tests that run under both.
/// </summary>
public sealed class WorkerPoolFixture : IAsyncLifetime
{
    private readonly Dictionary<WorkerHostKind, WorkerPool> _byHost = [];

    public WorkerPool Pool { get; } = new(Settings(null));

    /// <summary>A pool whose workers all use <paramref name="host"/> (created on first use).</summary>
    public WorkerPool For(WorkerHostKind host)
    {
        lock (_byHost)
        {
            if (!_byHost.TryGetValue(host, out var pool))
            {
                _byHost[host] = pool = new WorkerPool(Settings(host));
            }

            return pool;
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await Pool.DisposeAsync();
        foreach (var pool in _byHost.Values)
        {
            await pool.DisposeAsync();
        }
    }

    private static PythonSettings Settings(WorkerHostKind? host) => new("python3", [PythonSettings.BundledCodemodDirectory], TimeSpan.FromSeconds(60), 2)
    {
        // Golden args name files (mapping.yaml) relative to the repository root.
        WorkingDirectory = Paths.RepositoryRoot,
        Host = host,
    };
}
