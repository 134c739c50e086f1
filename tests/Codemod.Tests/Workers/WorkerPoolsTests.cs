using Codemod.Python;

namespace Codemod.Tests.Workers;

/// <summary>Which command may take over which idle pool (no worker is started: a pool starts them on its first request).</summary>
public sealed class WorkerPoolsTests
{
    private static readonly PythonSettings Base = new("python3", ["/opt/codemod/codemods"], TimeSpan.FromSeconds(60), 1) { WorkingDirectory = "/work/a" };

    [Fact]
    public async Task Another_working_folder_and_other_codemod_folders_take_over_the_idle_pool()
    {
        await using var pools = new WorkerPools();
        var pool = pools.Rent(Base);
        await pools.ReturnAsync(pool);

        Assert.Same(pool, pools.Rent(Base with { WorkingDirectory = "/work/b", CodemodDirectories = ["/opt/codemod/codemods", "/work/b/codemods"] }));
    }

    [Theory]
    [InlineData("python")]
    [InlineData("timeout")]
    [InlineData("workers")]
    [InlineData("host")]
    [InlineData("bundled")]
    public async Task What_a_worker_is_started_with_gets_a_pool_of_its_own(string differs)
    {
        await using var pools = new WorkerPools();
        var pool = pools.Rent(Base);
        await pools.ReturnAsync(pool);
        var other = differs switch
        {
            "python" => Base with { PythonExecutable = "/usr/bin/python3.12" },
            "timeout" => Base with { Timeout = TimeSpan.FromSeconds(5) },
            "workers" => Base with { Workers = 4 },
            "host" => Base with { Host = WorkerHostKind.Python },
            _ => Base with { CodemodDirectories = ["/elsewhere/codemods"] },
        };

        Assert.NotSame(pool, pools.Rent(other));
        Assert.Same(pool, pools.Rent(Base));
    }

    [Fact]
    public async Task A_rented_pool_is_not_lent_twice()
    {
        await using var pools = new WorkerPools();
        var first = pools.Rent(Base);

        Assert.NotSame(first, pools.Rent(Base));
    }

    [Fact]
    public async Task Nothing_is_lent_after_disposal()
    {
        var pools = new WorkerPools();
        await pools.ReturnAsync(pools.Rent(Base));
        await pools.DisposeAsync();

        Assert.Throws<ObjectDisposedException>(() => pools.Rent(Base));
    }
}
