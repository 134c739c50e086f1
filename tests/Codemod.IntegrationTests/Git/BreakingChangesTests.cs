using Codemod.IntegrationTests.Infrastructure;

namespace Codemod.IntegrationTests.Git;

public sealed class BreakingChangesTests
{
    [Fact]
    public async Task Breaking_runs_add_entries_newest_first_to_BREAKING_CHANGES_md_in_their_own_commit()
    {
        // Given a repository and a codemod that declares its rename a breaking change
        using var repo = GitFixture.Create();
        using var scratch = new TempDirectory();
        var codemods = TestCodemods.WriteTo(scratch);
        var clock = GitFixture.Clock();

        // When two breaking runs are committed, a day apart
        var first = await Rename(repo, clock, codemods, "Alpha", "Beta");
        clock.Advance(TimeSpan.FromDays(1));
        var second = await Rename(repo, clock, codemods, "Gamma", "Delta");

        // Then each commit holds its code change and its BREAKING_CHANGES.md entry, newest first under Unreleased
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal("BREAKING_CHANGES.md\npkg/models.py\n", repo.Run("show", "--name-only", "--format=", "HEAD"));
        Assert.Equal("BREAKING_CHANGES.md\npkg/models.py\n", repo.Run("show", "--name-only", "--format=", "HEAD~1"));
        var log = File.ReadAllText(repo.Directory.Combine("BREAKING_CHANGES.md"));
        Assert.StartsWith("# Breaking changes\n", log);
        var unreleased = log.IndexOf("## Unreleased\n", StringComparison.Ordinal);
        var newer = log.IndexOf("### 2026-11-22: test-rename-class 0.1.0 (run 20261122T153012Z-", StringComparison.Ordinal);
        var older = log.IndexOf("### 2026-11-21: test-rename-class 0.1.0 (run 20261121T153012Z-", StringComparison.Ordinal);
        Assert.True(unreleased >= 0 && unreleased < newer && newer < older, log);
        Assert.Contains("- pkg.models.Gamma is now pkg.models.Delta\n  - Migrate: use pkg.models.Delta\n", log);
        Assert.Contains("Breaking changes (recorded in BREAKING_CHANGES.md):\n  pkg.models.Gamma is now pkg.models.Delta", repo.Run("log", "-1", "--format=%b"));
        Assert.Equal(string.Empty, repo.Status);
    }

    private static Task<CliHarness.CliResult> Rename(TempRepo repo, TimeProvider clock, string codemods, string from, string to) =>
        CliHarness.RunAsync(repo.Path, clock, "apply", TestCodemods.Rename, "--codemods", codemods, "--arg", $"old={from}", "--arg", $"new={to}", "--commit", "-j", "1");
}
