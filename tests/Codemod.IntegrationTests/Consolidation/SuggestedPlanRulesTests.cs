using System.Text.RegularExpressions;
using Codemod.IntegrationTests.Infrastructure;

namespace Codemod.IntegrationTests.Consolidation;

/// <summary>
/// The planner rules the sample monorepo does not exercise, on fixtures/plans/suggest-project: an interchangeable legacy
/// class (redirect, then shim), a second identical-class group, a singleton whose factory is named, an expired alias and
/// an expired accessor wrapper (redirect, then removal).
/// </summary>
public sealed class SuggestedPlanRulesTests
{
    private static readonly string Project = Path.Combine(Paths.Fixtures, "plans", "suggest-project");

    [Fact]
    public async Task Redirect_shim_dedupe_and_named_factory_steps_run_and_resolve_their_groups()
    {
        // Given the project in a git repository
        using var repo = TempRepo.Create();
        repo.Directory.CopyFrom(Project);
        repo.Directory.Write(".gitignore", "__pycache__/\n");
        repo.CommitAll("project");
        using var outside = new TempDirectory();

        // When a plan is suggested with the singleton's factory named, and run
        var suggested = await CliHarness.RunAsync(repo.Path, "plan", "suggest", ".", "--today", "2026-11-26", "--sunset-days", "30",
            "--factory", "core.registry.get_agent_registry=core.registry_factory.AgentRegistryFactory.create");
        var plan = outside.Combine("plan.yaml");
        await File.WriteAllTextAsync(plan, suggested.Stdout);
        var run = await CliHarness.RunAsync(repo.Path, "plan", plan);

        // Then the steps came in order, one commit each
        Assert.Equal(["redirect-imports", "add-deprecation-shim", "dedupe-class", "singleton-to-factory"],
            Regex.Matches(suggested.Stdout, @"^  - codemod: (\S+)$", RegexOptions.Multiline).Select(m => m.Groups[1].Value));
        Assert.Contains("sunset: \"2026-12-26\"", suggested.Stdout, StringComparison.Ordinal);
        Assert.True(run.Stderr.Contains("plan finished: 4 commit(s) from 4 step(s)", StringComparison.Ordinal), run.ToString());

        // And the callers moved: the legacy import is redirected, the copy re-exported, the handler uses the factory
        var jobs = await File.ReadAllTextAsync(repo.Directory.Combine("app/jobs.py"));
        Assert.DoesNotContain("legacy.sessions", jobs, StringComparison.Ordinal);
        Assert.Contains("from core.backoff import Backoff", await File.ReadAllTextAsync(repo.Directory.Combine("app/backoff.py")), StringComparison.Ordinal);
        Assert.Contains("AgentRegistryFactory.create(user_context).lookup(name)", await File.ReadAllTextAsync(repo.Directory.Combine("app/api.py")), StringComparison.Ordinal);

        // And the duplicate groups are gone from the scan, and a second suggestion has nothing to run for them
        var scan = await CliHarness.RunAsync(repo.Path, "scan", ".", "--format", "json", "--today", "2026-11-26");
        Assert.Contains("\"duplicate-class-name\": 0", scan.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"identical-class\": 0", scan.Stdout, StringComparison.Ordinal);
        var second = await CliHarness.RunAsync(repo.Path, "plan", "suggest", ".", "--today", "2026-11-26");
        Assert.Contains("steps: []", second.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expired_suggestion_moves_the_last_callers_then_deletes_the_shims_past_their_sunset()
    {
        // Given the project, whose alias old.shimmed.Store and accessor wrapper old.registry_access.get_registry passed their sunset
        using var repo = TempRepo.Create();
        repo.Directory.CopyFrom(Project);
        repo.Directory.Write(".gitignore", "__pycache__/\n");
        repo.CommitAll("project");
        using var outside = new TempDirectory();
        var before = await CliHarness.RunAsync(repo.Path, "scan", ".", "--format", "json", "--today", "2026-11-26");

        // When the expired steps are suggested and run
        var suggested = await CliHarness.RunAsync(repo.Path, "plan", "suggest", ".", "--expired", "--today", "2026-11-26");
        var plan = outside.Combine("expired.yaml");
        await File.WriteAllTextAsync(plan, suggested.Stdout);
        var run = await CliHarness.RunAsync(repo.Path, "plan", plan);

        // Then the callers moved first, the shims were deleted last, one commit per step
        Assert.Equal(["singleton-to-factory", "redirect-imports", "remove-expired-shim"],
            Regex.Matches(suggested.Stdout, @"^  - codemod: (\S+)$", RegexOptions.Multiline).Select(m => m.Groups[1].Value));
        Assert.Contains("    today: \"2026-11-26\"", suggested.Stdout, StringComparison.Ordinal);
        Assert.True(run.Stderr.Contains("plan finished: 3 commit(s) from 3 step(s)", StringComparison.Ordinal), run.ToString());
        Assert.Contains("from core.sessions import SessionStore", await File.ReadAllTextAsync(repo.Directory.Combine("app/reports.py")), StringComparison.Ordinal);
        Assert.Contains("AgentRegistryFactory.create(user_context).lookup(name)", await File.ReadAllTextAsync(repo.Directory.Combine("app/admin.py")), StringComparison.Ordinal);
        var shimmed = await File.ReadAllTextAsync(repo.Directory.Combine("old/shimmed.py"));
        Assert.DoesNotContain("__codemod_deprecated__", shimmed, StringComparison.Ordinal);
        Assert.DoesNotContain("def __getattr__", shimmed, StringComparison.Ordinal);
        Assert.DoesNotContain("def get_registry", await File.ReadAllTextAsync(repo.Directory.Combine("old/registry_access.py")), StringComparison.Ordinal);

        // And the scan reports no expired shim any more, and a second suggestion has nothing to run
        Assert.Contains("\"expired-shim\": 2", before.Stdout, StringComparison.Ordinal);
        var scan = await CliHarness.RunAsync(repo.Path, "scan", ".", "--format", "json", "--today", "2026-11-26");
        Assert.Contains("\"expired-shim\": 0", scan.Stdout, StringComparison.Ordinal);
        var second = await CliHarness.RunAsync(repo.Path, "plan", "suggest", ".", "--expired", "--today", "2026-11-26");
        Assert.Contains("steps: []", second.Stdout, StringComparison.Ordinal);
    }
}
