using System.Text.Json;
using Codemod.IntegrationTests.Infrastructure;

namespace Codemod.IntegrationTests.Git;

public sealed class PlanTests
{
    private const string ThreeSteps = """
        name: three steps
        steps:
          - codemod: test-rename-class
            args: {old: Alpha, new: Beta}
            note: Alpha was a bad name.
          - codemod: env-to-isolated
            paths: [pkg/a.py]
          - codemod: test-rename-class
            args:
              old: Gamma
              new: Delta
        """;

    [Fact]
    public async Task Three_step_plan_commits_each_step_with_its_own_tags_and_the_batch_rolls_back_as_one()
    {
        // Given a clean repository and a three-step plan
        using var repo = GitFixture.Create();
        using var scratch = new TempDirectory();
        var start = repo.Head;
        var original = RepoSnapshot.Take(repo).Files;

        // When the plan runs
        var result = await Plan(repo, scratch, ThreeSteps, "--format", "json");

        // Then each step is one commit with its own tags, inside the batch's own before/after tags
        Assert.True(result.ExitCode == 0, result.ToString());
        using var document = JsonDocument.Parse(result.Stdout);
        var root = document.RootElement;
        Assert.True(root.GetProperty("succeeded").GetBoolean());
        var batch = root.GetProperty("batchId").GetString()!;
        var steps = root.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(["committed", "committed", "committed"], steps.Select(s => s.GetProperty("status").GetString()));
        Assert.Equal(start, repo.Run("rev-parse", "HEAD~3").Trim());
        Assert.Equal(start, repo.Run("rev-parse", $"codemod/{batch}/before^{{commit}}").Trim());
        Assert.Equal(repo.Head, repo.Run("rev-parse", $"codemod/{batch}/after^{{commit}}").Trim());
        Assert.Equal(8, repo.Tags.Count);
        Assert.Equal(batch, repo.Run("log", "-1", "--format=%(trailers:key=Codemod-Batch,valueonly)", "HEAD~2").Trim());
        Assert.Contains("Alpha was a bad name.", repo.Run("log", "-1", "--format=%b", "HEAD~2"));

        // And rolling back the batch id undoes all three steps in one revert
        var rollback = await CliHarness.RunAsync(repo.Path, "rollback", batch);
        Assert.True(rollback.ExitCode == 0, rollback.ToString());
        Assert.Equal(original, RepoSnapshot.Take(repo).Files);
        var history = await CliHarness.RunAsync(repo.Path, "history", "--format", "json");
        using var runs = JsonDocument.Parse(history.Stdout);
        Assert.All(runs.RootElement.GetProperty("runs").EnumerateArray(), r => Assert.True(r.GetProperty("rolledBack").GetBoolean()));
        Assert.Equal("plan", runs.RootElement.GetProperty("runs")[0].GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Plan_whose_third_step_fails_verification_leaves_the_repository_exactly_at_the_batch_start()
    {
        // Given a clean repository and a plan whose third step's verification fails
        using var repo = GitFixture.Create();
        using var scratch = new TempDirectory();
        var before = RepoSnapshot.Take(repo);

        // When the plan runs
        var result = await Plan(repo, scratch, ThreeSteps + "\n    verify: echo 'tests failed' && exit 1\n");

        // Then it stops at step 3, says why, and HEAD, index, tree, tags and notes are as before the plan
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("plan failed at step 3 (test-rename-class", result.Stderr);
        Assert.Contains("exited with 1: tests failed", result.Stderr);
        RepoSnapshot.Take(repo).AssertSameAs(before);
    }

    [Fact]
    public async Task Plan_whose_step_fails_on_a_file_is_rolled_back_before_later_steps_run()
    {
        // Given a plan whose second step's codemod fails
        using var repo = GitFixture.Create();
        using var scratch = new TempDirectory();
        var before = RepoSnapshot.Take(repo);
        const string plan = """
            steps:
              - codemod: env-to-isolated
              - codemod: test-explode
                paths: [pkg/models.py]
              - codemod: test-rename-class
                args: {old: Gamma, new: Delta}
            """;

        // When the plan runs, as JSON
        var result = await Plan(repo, scratch, plan, "--format", "json");

        // Then the report names the failed step and why, the third never ran, and nothing is left behind
        Assert.True(result.ExitCode == 1, result.ToString());
        using var document = JsonDocument.Parse(result.Stdout);
        var failed = document.RootElement.GetProperty("failedStep");
        Assert.Equal(2, failed.GetProperty("number").GetInt32());
        Assert.Contains("pkg/models.py", failed.GetProperty("reason").GetString());
        Assert.True(document.RootElement.GetProperty("rolledBack").GetBoolean());
        Assert.Equal(["rolledBack", "failed", "notRun"], document.RootElement.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("status").GetString()));
        RepoSnapshot.Take(repo).AssertSameAs(before);
    }

    [Fact]
    public async Task Plan_dry_run_shows_each_step_seeing_the_previous_output_and_changes_nothing()
    {
        // Given a plan whose second step renames what the first step produced
        using var repo = GitFixture.Create();
        using var scratch = new TempDirectory();
        var before = RepoSnapshot.Take(repo);
        const string plan = """
            steps:
              - codemod: test-rename-class
                args: {old: Alpha, new: Beta}
              - codemod: test-rename-class
                args: {old: Beta, new: Omega}
            verify: test -f pkg/models.py
            """;

        // When the plan is previewed
        var result = await Plan(repo, scratch, plan, "--dry-run");

        // Then the second step's diff starts from the first step's output, and the repository is untouched
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("-class Alpha:\n+class Beta:\n", result.Stdout);
        Assert.Contains("-class Beta:\n+class Omega:\n", result.Stdout);
        Assert.Contains("nothing was written", result.Stderr);
        RepoSnapshot.Take(repo).AssertSameAs(before);
    }

    [Theory]
    [InlineData("steps:\n  - codemod: env-to-isolated\n    pahts: [pkg]\n", "plan.yaml:3: unknown key 'pahts' in step 1")]
    [InlineData("steps:\n  - args: {x: 1}\n", "plan.yaml:2: step 1 has no 'codemod'")]
    [InlineData("steps:\n  - codemod: env-to-isolated\n  - codemod: no-such-codemod\n", "plan.yaml:3: step 2: unknown codemod 'no-such-codemod'")]
    [InlineData("steps:\n  - codemod: [unclosed\n", "plan.yaml:3: invalid YAML")]
    public async Task Plan_errors_are_one_line_naming_the_file_and_line(string yaml, string expected)
    {
        // Given a plan file with a mistake
        using var repo = GitFixture.Create();
        using var scratch = new TempDirectory();
        var before = RepoSnapshot.Take(repo);
        scratch.Write("plan.yaml", yaml);

        // When it is run
        var result = await CliHarness.RunAsync(scratch.Path, "plan", "plan.yaml", "--root", repo.Path, "-j", "1");

        // Then one line names the file and line, exit 2, nothing touched
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith("codemod: error: " + expected, Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        RepoSnapshot.Take(repo).AssertSameAs(before);
    }

    private static Task<CliHarness.CliResult> Plan(TempRepo repo, TempDirectory scratch, string yaml, params string[] extra)
    {
        // The plan file lives outside the repository: an untracked file would make the tree dirty.
        scratch.Write("plan.yaml", yaml);
        var codemods = TestCodemods.WriteTo(scratch);
        return CliHarness.RunAsync(repo.Path, ["plan", scratch.Combine("plan.yaml"), "--codemods", codemods, "-j", "1", .. extra]);
    }
}
