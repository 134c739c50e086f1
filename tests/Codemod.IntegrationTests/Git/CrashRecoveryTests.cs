using Codemod.IntegrationTests.Infrastructure;

namespace Codemod.IntegrationTests.Git;

/// <summary>kill -9 of the real CLI at each named phase of apply --commit, then one <c>codemod recover</c>.</summary>
public sealed class CrashRecoveryTests
{
    private const int Killed = 137;

    [Theory]
    [InlineData("before", false)]
    [InlineData("temp-writes", false)]
    [InlineData("renames", false)]
    [InlineData("git-add", false)]
    [InlineData("git-commit", true)]
    [InlineData("tagging", true)]
    public async Task Kill_9_at_a_phase_then_one_recover_leaves_the_full_run_committed_or_the_pre_run_tree_and_no_debris(string phase, bool landed)
    {
        // Given a clean repository whose six files the codemod rewrites
        using var repo = CrashFixture.Create();
        var start = RepoSnapshot.Take(repo);

        // When apply --commit is killed with SIGKILL at the phase
        var (code, stderr) = await CliProcess.RunAsync(repo.Path, CrashFixture.Phase(phase, "kill"), "apply", "env-to-isolated", "--commit", "-j", "1");
        Assert.True(code == Killed, $"exit {code}\n{stderr}");
        Assert.Contains($"test hook at phase {phase}", stderr);

        // And the next command warns, and codemod recover runs once
        var history = await CliHarness.RunAsync(repo.Path, "history");
        Assert.Contains("run `codemod recover`", history.Stderr);
        var recover = await CliHarness.RunAsync(repo.Path, "recover");

        // Then the repository holds either the whole run, committed and tagged, or exactly the pre-run tree
        Assert.True(recover.ExitCode == 0, recover.ToString());
        if (landed)
        {
            Assert.Contains("completed run", recover.Stderr);
            var id = repo.Run("log", "-1", "--format=%(trailers:key=Codemod-Run,valueonly)").Trim();
            Assert.Equal(start.Head, repo.Run("rev-parse", "HEAD^").Trim());
            Assert.Equal([$"codemod/{id}/after", $"codemod/{id}/before"], repo.Tags);
            Assert.Equal(6, repo.Run("diff", "--name-only", "HEAD^", "HEAD").Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
            Assert.Equal(string.Empty, repo.Status);
            Assert.Contains(id, repo.Run("notes", "--ref=codemod", "show", "HEAD"));
        }
        else
        {
            Assert.Contains("rolled back run", recover.Stderr);
            RepoSnapshot.Take(repo).AssertSameAs(start);
        }

        CrashFixture.AssertNoDebris(repo.Path, Path.Combine(repo.Path, ".git"));
        var again = await CliHarness.RunAsync(repo.Path, "recover");
        Assert.Contains("nothing to recover", again.Stderr);
    }

    [Fact]
    public async Task Kill_9_while_renaming_outside_git_is_undone_by_recover_with_the_root()
    {
        // Given a folder outside any repository
        using var folder = new TempDirectory();
        for (var i = 0; i < 6; i++)
        {
            folder.Write($"m{i}.py", $"import os\n\nV = os.environ.get(\"V{i}\")\n");
        }

        var before = Directory.EnumerateFiles(folder.Path).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();

        // When a plain apply is killed half-way through its renames
        var (code, stderr) = await CliProcess.RunAsync(folder.Path, CrashFixture.Phase("renames", "kill"), "apply", "env-to-isolated", ".", "-j", "1");
        Assert.True(code == Killed, $"exit {code}\n{stderr}");
        Assert.NotEqual(before, Directory.EnumerateFiles(folder.Path).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList());

        // Then recover puts every file back and leaves nothing behind
        var recover = await CliHarness.RunAsync(folder.Path, "recover");
        Assert.True(recover.ExitCode == 0, recover.ToString());
        Assert.Equal(before, Directory.EnumerateFiles(folder.Path).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList());
        CrashFixture.AssertNoDebris(folder.Path, null);
    }

    [Fact]
    public async Task Apply_refuses_to_write_over_an_interrupted_run_until_it_is_recovered()
    {
        // Given a run killed after its renames
        using var repo = CrashFixture.Create();
        await CliProcess.RunAsync(repo.Path, CrashFixture.Phase("renames", "kill"), "apply", "env-to-isolated", "--commit", "-j", "1");

        // When another apply --commit starts
        var second = await CliHarness.RunAsync(repo.Path, "apply", "env-to-isolated", "--commit", "--allow-dirty", "-j", "1");

        // Then it refuses and points at recover
        Assert.Equal(2, second.ExitCode);
        Assert.Contains("codemod recover", second.Stderr);
    }
}
