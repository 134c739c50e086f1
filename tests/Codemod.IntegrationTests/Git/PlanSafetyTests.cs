using System.Text.Json;
using Codemod.IntegrationTests.Infrastructure;

namespace Codemod.IntegrationTests.Git;

/// <summary>A failed, interrupted or invalid plan undoes only what the batch wrote, and never the user's own work.</summary>
[LongRunning]
public sealed class PlanSafetyTests
{
    [Fact]
    public async Task Failed_plan_returns_to_its_start_but_keeps_an_edit_the_user_made_during_a_step()
    {
        // Given a plan whose verification takes a while, during which the user edits README.md, and then fails
        using var repo = GitFixture.Create();
        using var scratch = new TempDirectory();
        var start = repo.Head;
        var plan = "steps:\n  - codemod: env-to-isolated\n    paths: [pkg/a.py]\n    verify: printf 'my edit\\n' >> README.md; exit 1\n";

        // When the plan runs and fails
        var result = await Plan(repo, scratch, plan);

        // Then the batch's commit and files are undone and the user's edit is exactly as they left it
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(start, repo.Head);
        Assert.Equal("sample\nmy edit\n", File.ReadAllText(repo.Directory.Combine(GitFixture.Readme)));
        Assert.Equal(GitFixture.ASource, File.ReadAllText(repo.Directory.Combine(GitFixture.A)));
        Assert.Equal(" M README.md\n", repo.Status);
        Assert.Empty(repo.Tags);
    }

    [Fact]
    public async Task Failed_plan_touches_nothing_when_the_user_edited_a_file_the_batch_must_restore_and_recover_finishes_later()
    {
        // Given a plan whose step rewrites pkg/a.py, which the user edits during the step's verification
        using var repo = GitFixture.Create();
        using var scratch = new TempDirectory();
        var start = repo.Head;
        var plan = "steps:\n  - codemod: env-to-isolated\n    paths: [pkg/a.py]\n    verify: printf '# mine\\n' >> pkg/a.py; exit 1\n";

        // When the plan fails
        var result = await Plan(repo, scratch, plan);

        // Then it stops and says so: the user's edit is intact, nothing was reset
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("touch files the batch must restore: nothing was undone", result.Stderr);
        Assert.EndsWith("# mine\n", File.ReadAllText(repo.Directory.Combine(GitFixture.A)));
        Assert.NotEqual(start, repo.Head);

        // When the user sets the edit aside and runs recover
        repo.Run("stash");
        var recover = await CliHarness.RunAsync(repo.Path, "recover");

        // Then the batch is gone
        Assert.True(recover.ExitCode == 0, recover.ToString());
        Assert.Equal(start, repo.Head);
        Assert.Empty(repo.Tags);
        Assert.Equal(string.Empty, repo.Status);
    }

    [Fact]
    public async Task Plan_killed_after_a_step_committed_is_recovered_to_its_start_with_no_step_tags_or_phantom_runs()
    {
        // Given a two-step plan killed with SIGKILL while its first step tags its commit
        using var repo = GitFixture.Create();
        using var scratch = new TempDirectory();
        var start = RepoSnapshot.Take(repo);
        scratch.Write("plan.yaml", "steps:\n  - codemod: test-rename-class\n    args: {old: Alpha, new: Beta}\n  - codemod: env-to-isolated\n");
        var codemods = TestCodemods.WriteTo(scratch);
        var (code, stderr) = await CliProcess.RunAsync(repo.Path, CrashFixture.Phase("tagging", "kill"), "plan", scratch.Combine("plan.yaml"), "--codemods", codemods, "-j", "1");
        Assert.True(code == 137, $"exit {code}\n{stderr}");

        // When recover runs once
        var recover = await CliHarness.RunAsync(repo.Path, "recover");

        // Then the repository is as before the plan, and history shows no run
        Assert.True(recover.ExitCode == 0, recover.ToString());
        RepoSnapshot.Take(repo).AssertSameAs(start);
        var history = await CliHarness.RunAsync(repo.Path, "history", "--format", "json");
        using var runs = JsonDocument.Parse(history.Stdout);
        Assert.Equal(0, runs.RootElement.GetProperty("runs").GetArrayLength());
        CrashFixture.AssertNoDebris(repo.Path, Path.Combine(repo.Path, ".git"));
    }

    [Fact]
    public async Task Plan_with_paths_that_is_not_a_list_is_refused_with_its_line_before_anything_runs()
    {
        // Given a plan whose second step gives paths as a single value
        using var repo = GitFixture.Create();
        using var scratch = new TempDirectory();
        var start = RepoSnapshot.Take(repo);
        var plan = "steps:\n  - codemod: env-to-isolated\n  - codemod: env-to-isolated\n    paths: pkg\n";

        // When it runs
        var result = await Plan(repo, scratch, plan);

        // Then it is a usage error naming the line, nothing is touched, and no rollback is suggested
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("plan.yaml:4: step 2: 'paths' must be a list", result.Stderr);
        Assert.DoesNotContain("rollback", result.Stderr);
        RepoSnapshot.Take(repo).AssertSameAs(start);
    }

    [Fact]
    public async Task Plan_verification_leaves_no_bytecode_behind()
    {
        // Given a repository that does not ignore __pycache__, and a verification that imports the project
        using var repo = TempRepo.Create(new Dictionary<string, string> { ["pkg/__init__.py"] = string.Empty, [GitFixture.Models] = GitFixture.ModelsSource });
        using var scratch = new TempDirectory();
        var plan = "verify: python3 -c 'import pkg.models'\nsteps:\n  - codemod: test-rename-class\n    args: {old: Alpha, new: Beta}\n";

        scratch.Write("plan.yaml", plan);
        var codemods = TestCodemods.WriteTo(scratch);
        string[] args = ["plan", scratch.Combine("plan.yaml"), "--codemods", codemods, "-j", "1"];
        var writesBytecode = new Dictionary<string, string> { ["PYTHONDONTWRITEBYTECODE"] = string.Empty };

        // When the plan runs twice, from an environment where Python writes bytecode
        var first = await CliProcess.RunAsync(repo.Path, writesBytecode, args);
        var second = await CliProcess.RunAsync(repo.Path, writesBytecode, args);

        // Then the tree stays clean, so the second run finds nothing to do and succeeds
        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.False(Directory.Exists(repo.Directory.Combine("pkg/__pycache__")));
        Assert.True(second.ExitCode == 0, second.Stderr);
        Assert.Contains("no step changed anything", second.Stderr);
    }

    private static Task<CliHarness.CliResult> Plan(TempRepo repo, TempDirectory scratch, string yaml, params string[] extra)
    {
        // The plan file lives outside the repository: an untracked file would make the tree dirty.
        scratch.Write("plan.yaml", yaml);
        var codemods = TestCodemods.WriteTo(scratch);
        return CliHarness.RunAsync(repo.Path, ["plan", scratch.Combine("plan.yaml"), "--codemods", codemods, "-j", "1", .. extra]);
    }
}
