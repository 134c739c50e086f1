using System.Text.RegularExpressions;
using Codemod.IntegrationTests.Infrastructure;

namespace Codemod.IntegrationTests.Consolidation;

/// <summary>
/// From findings to a finished migration on a git copy of the sample monorepo: <c>plan suggest</c> writes the plan,
/// <c>plan --dry-run</c> accepts it, <c>plan</c> runs it one commit per step, the scan burns down, a second suggestion
/// has nothing left to run, and one rollback returns the tree to where it started.
/// </summary>
[LongRunning]
public sealed class SuggestedPlanTests
{
    [Fact]
    public async Task Suggested_plan_is_deterministic_runs_one_commit_per_step_burns_the_findings_down_and_rolls_back_as_one()
    {
        // Given the sample monorepo in a git repository (its .gitignore keeps bytecode out) and a scan baseline of it
        using var repo = TempRepo.FromSample();
        var startTree = repo.Run("rev-parse", "HEAD^{tree}").Trim();
        using var outside = new TempDirectory();
        var baseline = outside.Combine("scan-baseline.json");
        Assert.Equal(0, (await CliHarness.RunAsync(repo.Path, "scan", ".", "--write-baseline", baseline, "--format", "json")).ExitCode);

        // When a plan is suggested twice
        var suggested = await CliHarness.RunAsync(repo.Path, "plan", "suggest", ".", "--today", "2026-11-26");
        var again = await CliHarness.RunAsync(repo.Path, "plan", "suggest", ".", "--today", "2026-11-26");

        // Then both are the same bytes, and the plan holds the steps the sample calls for, in order
        Assert.Equal(0, suggested.ExitCode);
        Assert.Equal(suggested.Stdout, again.Stdout);
        var yaml = suggested.Stdout;
        Assert.Equal(["dedupe-class", "consolidate-mocks", "env-to-isolated", "env-in-tests"],
            Regex.Matches(yaml, @"^  - codemod: (\S+)$", RegexOptions.Multiline).Select(m => m.Groups[1].Value));
        Assert.Contains("# MCPToolExecutor: canonical netra_backend.app.agents.mcp_tool_executor.MCPToolExecutor (score 116", yaml, StringComparison.Ordinal);
        Assert.Contains("#   runner-up netra_backend.app.services.mcp.tool_executor.MCPToolExecutor", yaml, StringComparison.Ordinal);
        Assert.Contains("netra_backend.app.websocket.manager.WebSocketManager is not interchangeable with", yaml, StringComparison.Ordinal);
        Assert.Contains("  # - codemod: singleton-to-factory", yaml, StringComparison.Ordinal);
        Assert.Contains("78 findings now, 26 expected after the enabled steps", yaml, StringComparison.Ordinal);
        var plan = outside.Combine("suggested.yaml");
        await File.WriteAllTextAsync(plan, yaml);

        // When the plan is previewed
        var head = repo.Head;
        var dry = await CliHarness.RunAsync(repo.Path, "plan", plan, "--dry-run");

        // Then every step passes and nothing in the repository moved
        Assert.Contains("dry run of 4 step(s) passed", dry.Stderr, StringComparison.Ordinal);
        Assert.Equal(head, repo.Head);
        Assert.Empty(repo.Status);

        // When it runs
        var run = await CliHarness.RunAsync(repo.Path, "plan", plan);

        // Then each step is one commit and the sample's own tests still pass
        Assert.Contains("plan finished: 4 commit(s) from 4 step(s)", run.Stderr, StringComparison.Ordinal);
        var subjects = repo.Run("log", "--format=%s", $"{head}..HEAD").Split('\n', StringSplitOptions.RemoveEmptyEntries).Reverse();
        Assert.Equal(["dedupe-class", "consolidate-mocks", "env-to-isolated", "env-in-tests"], subjects.Select(s => s[..s.IndexOf(':', StringComparison.Ordinal)]));
        var (testsExit, testsOutput) = await PythonRun.RunAsync(repo.Path, "-m", "unittest", "discover", "-s", "tests", "-t", ".");
        Assert.True(testsExit == 0, testsOutput);

        // And the scan burns down exactly as the plan's comments said
        var after = await CliHarness.RunAsync(repo.Path, "scan", ".", "--baseline", baseline, "--format", "json");
        Assert.Equal(0, after.ExitCode);
        Assert.Contains("26 findings", after.Stderr, StringComparison.Ordinal);
        Assert.Matches(@"env-access\s+55\s+10\s+-45", after.Stderr);
        Assert.Matches(@"identical-class\s+2\s+0\s+-2", after.Stderr);
        Assert.Matches(@"duplicate-mock\s+3\s+0\s+-3", after.Stderr);

        // And a second suggestion has nothing left to run for the groups the plan resolved
        var second = await CliHarness.RunAsync(repo.Path, "plan", "suggest", ".", "--today", "2026-11-26");
        Assert.Contains("steps: []", second.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\n  - codemod:", second.Stdout, StringComparison.Ordinal);

        // When the batch is rolled back by its id
        var batch = Regex.Match(run.Stderr, @"undo the whole batch: codemod rollback (\S+)").Groups[1].Value;
        var rollback = await CliHarness.RunAsync(repo.Path, "rollback", batch);

        // Then the tree is the one the plan started from
        Assert.True(rollback.ExitCode == 0, rollback.ToString());
        Assert.Equal(startTree, repo.Run("rev-parse", "HEAD^{tree}").Trim());
    }
}
