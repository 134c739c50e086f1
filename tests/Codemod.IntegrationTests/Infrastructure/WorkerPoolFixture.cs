using Codemod.Python;

namespace Codemod.IntegrationTests.Infrastructure;

/// <summary>One pool of real Python workers shared by a test class (starting LibCST costs about half a second per worker).</summary>
public sealed class WorkerPoolFixture : IAsyncLifetime
{
    public WorkerPool Pool { get; } = new(new PythonSettings("python3", [PythonSettings.BundledCodemodDirectory], TimeSpan.FromSeconds(60), 2)
    {
        // Golden args name files (mapping.yaml) relative to the repository root.
        WorkingDirectory = Paths.RepositoryRoot,
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Pool.DisposeAsync();
}
