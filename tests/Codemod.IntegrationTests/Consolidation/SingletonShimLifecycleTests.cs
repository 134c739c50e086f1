using Codemod.IntegrationTests.Infrastructure;

namespace Codemod.IntegrationTests.Consolidation;

/// <summary>
/// A singleton's whole deprecation on fixtures/plans/suggest-project, through the CLI and real git: singleton-to-factory
/// <c>shim=true</c> moves the call sites and turns the accessor into a warning wrapper (a breaking change), which really
/// warns and delegates under Python; after the sunset the scan reports it as <c>expired-shim</c> and remove-expired-shim
/// deletes it.
/// </summary>
public sealed class SingletonShimLifecycleTests
{
    private static readonly string Project = Path.Combine(Paths.Fixtures, "plans", "suggest-project");

    [Fact]
    public async Task Shim_true_without_a_sunset_is_refused_with_one_line()
    {
        // Given the project
        using var repo = TempRepo.Create();
        repo.Directory.CopyFrom(Project);

        // When shim=true is asked for without a sunset
        var result = await CliHarness.RunAsync(repo.Path, "preview", "singleton-to-factory", ".",
            "--arg", "singleton=core.registry.get_agent_registry", "--arg", "factory=core.registry_factory.AgentRegistryFactory.create", "--arg", "shim=true");

        // Then it is a usage error naming the missing argument
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("shim=true needs --arg sunset=YYYY-MM-DD", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_accessor_warns_and_delegates_until_its_sunset_then_is_removed()
    {
        // Given the project in a git repository
        using var repo = TempRepo.Create();
        repo.Directory.CopyFrom(Project);
        repo.Directory.Write(".gitignore", "__pycache__/\n");
        repo.CommitAll("project");

        // When singleton-to-factory runs with shim=true
        var shim = await CliHarness.RunAsync(repo.Path, "apply", "singleton-to-factory", ".", "--commit",
            "--arg", "singleton=core.registry.get_agent_registry", "--arg", "factory=core.registry_factory.AgentRegistryFactory.create",
            "--arg", "shim=true", "--arg", "sunset=2026-12-31");

        // Then the handler uses the factory, the accessor is a wrapper, and the breaking change is recorded
        Assert.True(shim.ExitCode == 0, shim.ToString());
        Assert.Contains("AgentRegistryFactory.create(user_context).lookup(name)", await File.ReadAllTextAsync(repo.Directory.Combine("app/api.py")), StringComparison.Ordinal);
        var registry = await File.ReadAllTextAsync(repo.Directory.Combine("core/registry.py"));
        Assert.Contains("\"get_agent_registry\": {\"canonical\": \"core.registry_factory.AgentRegistryFactory.create\", \"sunset\": \"2026-12-31\"}", registry, StringComparison.Ordinal);
        Assert.Contains("return AgentRegistryFactory.create(_PROCESS_CONTEXT)", registry, StringComparison.Ordinal);
        Assert.Contains("core.registry.get_agent_registry() is deprecated", await File.ReadAllTextAsync(repo.Directory.Combine("BREAKING_CHANGES.md")), StringComparison.Ordinal);

        // And under Python the wrapper warns, naming the factory and the sunset, and returns a new registry per call
        var (exit, output) = await PythonRun.RunAsync(repo.Path, "-c",
            "import warnings\nfrom core.registry import get_agent_registry\n" +
            "with warnings.catch_warnings(record=True) as w:\n    warnings.simplefilter('always')\n    a, b = get_agent_registry(), get_agent_registry()\n" +
            "print(type(a).__name__, a is b, len(w), w[0].category.__name__, str(w[0].message))");
        Assert.True(exit == 0, output);
        Assert.StartsWith("AgentRegistry False 2 DeprecationWarning core.registry.get_agent_registry() is deprecated; use core.registry_factory.AgentRegistryFactory.create(<request context>) instead (removal after 2026-12-31)", output, StringComparison.Ordinal);

        // And it is no expired shim on its sunset day, one the day after
        var onSunset = await CliHarness.RunAsync(repo.Path, "scan", "core", "--format", "json", "--today", "2026-12-31");
        Assert.Contains("\"expired-shim\": 0", onSunset.Stdout, StringComparison.Ordinal);
        var after = await CliHarness.RunAsync(repo.Path, "scan", "core", "--format", "json", "--today", "2027-01-01");
        Assert.Contains("\"expired-shim\": 1", after.Stdout, StringComparison.Ordinal);

        // When remove-expired-shim runs the day after the sunset
        var remove = await CliHarness.RunAsync(repo.Path, "apply", "remove-expired-shim", "core", "--commit", "--arg", "today=2027-01-01");

        // Then the wrapper, its marker and its process context are gone, the scan has no expired shim left there,
        // and the module still imports
        Assert.True(remove.ExitCode == 0, remove.ToString());
        registry = await File.ReadAllTextAsync(repo.Directory.Combine("core/registry.py"));
        Assert.DoesNotContain("get_agent_registry", registry, StringComparison.Ordinal);
        Assert.DoesNotContain("__codemod_deprecated__", registry, StringComparison.Ordinal);
        Assert.DoesNotContain("_PROCESS_CONTEXT", registry, StringComparison.Ordinal);
        var rescan = await CliHarness.RunAsync(repo.Path, "scan", "core", "--format", "json", "--today", "2027-01-01");
        Assert.Contains("\"expired-shim\": 0", rescan.Stdout, StringComparison.Ordinal);
        var (importExit, importOutput) = await PythonRun.RunAsync(repo.Path, "-c", "import core.registry, app.api");
        Assert.True(importExit == 0, importOutput);
    }
}
