using Codemod.IntegrationTests.Infrastructure;

namespace Codemod.IntegrationTests.Git;

/// <summary>SIGTERM and SIGINT once writing has started: the current phase is finished or restored, then exit 130 with one line.</summary>
public sealed class SignalTests
{
    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task A_signal_while_renaming_restores_every_file_and_exits_130_saying_so(string signal)
    {
        // Given apply --commit paused half-way through its renames (longer than the old 2 s termination timeout)
        using var repo = CrashFixture.Create();
        var start = RepoSnapshot.Take(repo);
        using var cli = CliProcess.Start(repo.Path, CrashFixture.Phase("renames", "pause"), "apply", "env-to-isolated", "--commit", "-j", "1");
        await cli.WaitForAsync("test hook at phase renames", TimeSpan.FromMinutes(2));

        // When the signal arrives
        cli.Signal(signal);
        var code = await cli.ExitAsync(TimeSpan.FromMinutes(1));

        // Then the run is undone completely, and one line says so
        Assert.True(code == 130, $"exit {code}\n{cli.Stderr}");
        Assert.Contains("codemod: interrupted while renaming: the renames finished, then all 6 file(s) were restored; nothing was committed", cli.Stderr);
        RepoSnapshot.Take(repo).AssertSameAs(start);
        CrashFixture.AssertNoDebris(repo.Path, Path.Combine(repo.Path, ".git"));
    }

    [Fact]
    public async Task A_signal_after_the_commit_finishes_the_tags_and_exits_130_saying_so()
    {
        // Given apply --commit paused after its commit landed
        using var repo = CrashFixture.Create();
        var start = repo.Head;
        using var cli = CliProcess.Start(repo.Path, CrashFixture.Phase("tagging", "pause"), "apply", "env-to-isolated", "--commit", "-j", "1");
        await cli.WaitForAsync("test hook at phase tagging", TimeSpan.FromMinutes(2));

        // When SIGTERM arrives
        cli.Signal("TERM");
        var code = await cli.ExitAsync(TimeSpan.FromMinutes(1));

        // Then the run is complete: committed, both tags, clean tree
        Assert.True(code == 130, $"exit {code}\n{cli.Stderr}");
        Assert.Contains("codemod: interrupted after the commit: the run is committed as", cli.Stderr);
        Assert.Equal(start, repo.Run("rev-parse", "HEAD^").Trim());
        Assert.Equal(2, repo.Tags.Count);
        Assert.Equal(string.Empty, repo.Status);
        CrashFixture.AssertNoDebris(repo.Path, Path.Combine(repo.Path, ".git"));
    }

    [Fact]
    public async Task A_signal_during_a_plan_step_returns_the_batch_to_its_start_and_exits_130_saying_so()
    {
        // Given a two-step plan paused while its second step renames files
        using var repo = CrashFixture.Create();
        using var scratch = new TempDirectory();
        var start = RepoSnapshot.Take(repo);
        scratch.Write("plan.yaml", "steps:\n  - codemod: env-to-isolated\n    paths: [pkg/m00.py]\n  - codemod: env-to-isolated\n");
        using var cli = CliProcess.Start(repo.Path, CrashFixture.Phase("tagging", "pause"), "plan", scratch.Combine("plan.yaml"), "-j", "1");
        await cli.WaitForAsync("test hook at phase tagging", TimeSpan.FromMinutes(2));

        // When SIGTERM arrives
        cli.Signal("TERM");
        var code = await cli.ExitAsync(TimeSpan.FromMinutes(1));

        // Then the batch is undone as a whole: no commit, no tag, no journal
        Assert.True(code == 130, $"exit {code}\n{cli.Stderr}");
        Assert.Contains("the batch is back at its start", cli.Stderr);
        RepoSnapshot.Take(repo).AssertSameAs(start);
        CrashFixture.AssertNoDebris(repo.Path, Path.Combine(repo.Path, ".git"));
    }
}
