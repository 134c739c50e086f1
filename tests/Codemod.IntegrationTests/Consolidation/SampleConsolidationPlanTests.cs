using Codemod.IntegrationTests.Infrastructure;

namespace Codemod.IntegrationTests.Consolidation;

/// <summary>
/// The consolidation plan of fixtures/plans/sample-consolidation.yaml on a git copy of the sample monorepo: redirect the
/// legacy WebSocketManager imports, shim the legacy modules, dedupe the MCPToolExecutor pair, migrate the tests'
/// environment patching, consolidate the mocks, route production environment reads through get_env().
/// </summary>
[LongRunning]
public sealed class SampleConsolidationPlanTests
{
    private static readonly string Plan = Path.Combine(Paths.Fixtures, "plans", "sample-consolidation.yaml");

    [Fact]
    public async Task Plan_runs_unattended_one_commit_per_step_keeps_the_sample_working_and_a_second_run_changes_nothing()
    {
        // Given the sample monorepo, as shipped (its own .gitignore keeps compileall's bytecode out of the tree), in a git repository
        using var repo = TempRepo.FromSample();
        var start = repo.Head;
        using var outside = new TempDirectory();
        var baseline = outside.Combine("scan-baseline.json");
        var before = await CliHarness.RunAsync(repo.Path, "scan", ".", "--write-baseline", baseline, "--format", "json");
        Assert.Equal(0, before.ExitCode);

        // When the plan runs
        var first = await CliHarness.RunAsync(repo.Path, "plan", Plan);

        // Then every step that changed something made exactly one commit (all ten steps change the sample)
        Assert.True(first.ExitCode is 0 or 1, first.ToString());
        Assert.Contains("plan finished: 10 commit(s) from 10 step(s)", first.Stderr, StringComparison.Ordinal);
        var subjects = repo.Run("log", "--format=%s", $"{start}..HEAD").Split('\n', StringSplitOptions.RemoveEmptyEntries).Reverse().ToList();
        Assert.Equal(10, subjects.Count);
        Assert.Equal(
            ["redirect-imports", "redirect-imports", "redirect-imports", "add-deprecation-shim", "add-deprecation-shim", "add-deprecation-shim", "dedupe-class", "env-in-tests", "consolidate-mocks", "env-to-isolated"],
            subjects.Select(s => s[..s.IndexOf(':', StringComparison.Ordinal)]));

        // And the steps that moved a class left a breaking-change entry, committed with them
        var breaking = await File.ReadAllTextAsync(repo.Directory.Combine("BREAKING_CHANGES.md"));
        Assert.Contains("netra_backend.app.websocket.manager.WebSocketManager now resolves to netra_backend.app.websocket_core.manager.WebSocketManager", breaking, StringComparison.Ordinal);
        Assert.Contains("netra_backend.app.services.mcp.tool_executor.MCPToolExecutor is now a re-export of netra_backend.app.agents.mcp_tool_executor.MCPToolExecutor", breaking, StringComparison.Ordinal);
        Assert.Empty(repo.Status);

        // And the legacy import path still works (with a DeprecationWarning), every file compiles and the sample's own tests pass
        var (testsExit, testsOutput) = await PythonRun.RunAsync(repo.Path, "-W", "error::SyntaxWarning", "-m", "unittest", "discover", "-s", "tests", "-t", ".");
        Assert.True(testsExit == 0, testsOutput);
        var (shimExit, shimOutput) = await PythonRun.RunAsync(repo.Path, "-c",
            "import warnings\nwith warnings.catch_warnings(record=True) as w:\n    warnings.simplefilter('always')\n" +
            "    from netra_backend.app.websocket.manager import WebSocketManager as Legacy\n" +
            "from netra_backend.app.websocket_core.manager import WebSocketManager\n" +
            "assert Legacy is WebSocketManager, Legacy\nassert any(issubclass(x.category, DeprecationWarning) and '2027-06-30' in str(x.message) for x in w), [str(x.message) for x in w]\n");
        Assert.True(shimExit == 0, shimOutput);

        // And the scan's burn-down against the state before the plan shows every consolidated rule going down
        var after = await CliHarness.RunAsync(repo.Path, "scan", ".", "--baseline", baseline, "--format", "json");
        Assert.Equal(0, after.ExitCode);
        Assert.Matches(@"env-access\s+55\s+10\s+-45", after.Stderr);
        Assert.Matches(@"identical-class\s+2\s+0\s+-2", after.Stderr);
        Assert.Matches(@"duplicate-mock\s+3\s+0\s+-3", after.Stderr);
        Assert.Contains("ratchet: no rule went up", after.Stderr, StringComparison.Ordinal);

        // When the plan runs a second time
        var head = repo.Head;
        var second = await CliHarness.RunAsync(repo.Path, "plan", Plan);

        // Then nothing changes: no commit, no tags
        Assert.Contains("no step changed anything", second.Stderr, StringComparison.Ordinal);
        Assert.Equal(head, repo.Head);
    }
}
