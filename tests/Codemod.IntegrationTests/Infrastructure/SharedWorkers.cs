using Codemod.Python;

namespace Codemod.IntegrationTests.Infrastructure;

/// <summary>
/// The warm worker pools every in-process CLI run of this test assembly rents from (<see cref="WorkerPools"/>): a run
/// takes over an idle pool of the same interpreter, host, timeout and size instead of starting workers.
/// </summary>
public static class SharedWorkers
{
    public static WorkerPools Pools { get; } = Create();

    private static WorkerPools Create()
    {
        var pools = new WorkerPools();
        // The workers would also exit when this process is gone; shutting them down says goodbye properly.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => pools.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(5));
        return pools;
    }
}
