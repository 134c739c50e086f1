namespace Codemod.Python;

/// <summary>
/// Warm worker pools kept between the commands one process runs (a test suite, a host that embeds the engine): a
/// command rents a pool and returns it; the next command with the same interpreter, host, timeout and pool size takes
/// it over (<see cref="WorkerPool.Retarget"/>) instead of starting workers, which costs about a second of CPU each.
/// The working folder and the extra codemod folders may differ: a warm worker is told them and forgets what the last
/// command's codemods loaded. A command-line run has no use for this: it runs one command and starts its own pool.
/// </summary>
public sealed class WorkerPools : IAsyncDisposable
{
    private readonly Dictionary<Key, Stack<WorkerPool>> _idle = [];
    private bool _disposed;

    /// <summary>An idle pool for <paramref name="settings"/>, taken over, or a new one; give it back with <see cref="ReturnAsync"/>.</summary>
    public WorkerPool Rent(PythonSettings settings)
    {
        lock (_idle)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_idle.TryGetValue(Key.Of(settings), out var idle) && idle.TryPop(out var pool))
            {
                pool.Retarget(settings);
                return pool;
            }
        }

        return new WorkerPool(settings);
    }

    /// <summary>Keeps <paramref name="pool"/> for the next command; one with a request still under way is shut down instead.</summary>
    public async ValueTask ReturnAsync(WorkerPool pool)
    {
        if (pool.IsIdle)
        {
            lock (_idle)
            {
                if (!_disposed)
                {
                    var key = Key.Of(pool.Settings);
                    if (!_idle.TryGetValue(key, out var idle))
                    {
                        _idle[key] = idle = new Stack<WorkerPool>();
                    }

                    idle.Push(pool);
                    return;
                }
            }
        }

        await pool.DisposeAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        List<WorkerPool> pools;
        lock (_idle)
        {
            _disposed = true;
            pools = [.. _idle.Values.SelectMany(p => p)];
            _idle.Clear();
        }

        foreach (var pool in pools)
        {
            await pool.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>What a worker is started with and cannot change afterwards.</summary>
    private sealed record Key(string Python, string BundledCodemods, TimeSpan Timeout, int Workers, WorkerHostKind? Host, string HostSource)
    {
        public static Key Of(PythonSettings settings) =>
            new(settings.PythonExecutable, settings.CodemodDirectories[0], settings.Timeout, Math.Max(1, settings.Workers), settings.Host, settings.HostSource);
    }
}
