using System.Text.Json;
using Codemod.IntegrationTests.Infrastructure;

namespace Codemod.IntegrationTests.Git;

public sealed class HistoryTests
{
    [Fact]
    public async Task History_lists_runs_newest_first_with_codemod_date_commit_files_and_rollback_state()
    {
        // Given three committed runs a minute apart, the first of them rolled back
        using var repo = GitFixture.Create();
        using var scratch = new TempDirectory();
        var codemods = TestCodemods.WriteTo(scratch);
        var clock = GitFixture.Clock();
        await GitFixture.ApplyCommitAsync(repo, clock);
        var first = GitFixture.OnlyRunId(repo);
        clock.Advance(TimeSpan.FromMinutes(1));
        await CliHarness.RunAsync(repo.Path, clock, "apply", TestCodemods.Rename, "--codemods", codemods, "--arg", "old=Alpha", "--arg", "new=Beta", "--commit", "-j", "1");
        clock.Advance(TimeSpan.FromMinutes(1));
        await CliHarness.RunAsync(repo.Path, clock, "apply", TestCodemods.Rename, "--codemods", codemods, "--arg", "old=Gamma", "--arg", "new=Delta", "--commit", "-j", "1");
        var rollback = await CliHarness.RunAsync(repo.Path, "rollback", first);
        Assert.True(rollback.ExitCode == 0, rollback.ToString());

        // When the history is listed as JSON and as text
        var json = await CliHarness.RunAsync(repo.Path, "history", "--format", "json");
        var text = await CliHarness.RunAsync(repo.Path, "history");

        // Then the runs come newest first, each with its codemod, date, commit, files and whether it was rolled back
        Assert.True(json.ExitCode == 0, json.ToString());
        using var document = JsonDocument.Parse(json.Stdout);
        Assert.Equal(1, document.RootElement.GetProperty("schemaVersion").GetInt32());
        var runs = document.RootElement.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal(["2026-11-21T15:32:12Z", "2026-11-21T15:31:12Z", "2026-11-21T15:30:12Z"], runs.Select(r => r.GetProperty("date").GetString()));
        Assert.Equal(["test-rename-class", "test-rename-class", "env-to-isolated"], runs.Select(r => r.GetProperty("codemod").GetProperty("name").GetString()));
        Assert.Equal([false, false, true], runs.Select(r => r.GetProperty("rolledBack").GetBoolean()));
        Assert.Equal("revert", runs[2].GetProperty("rollback").GetProperty("mode").GetString());
        Assert.Equal(first, runs[2].GetProperty("runId").GetString());
        Assert.Equal(["pkg/a.py", "pkg/b.py"], runs[2].GetProperty("files").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(2, runs[0].GetProperty("filesChanged").GetInt32());
        Assert.Equal(repo.Run("rev-parse", "HEAD~1").Trim(), runs[0].GetProperty("commit").GetString());
        var lines = text.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("RUN ", lines[0]);
        Assert.Contains("rolled back (revert", lines[3]);
        Assert.Contains("active", lines[1]);
    }

    [Fact]
    public async Task History_of_one_run_shows_its_stored_report()
    {
        // Given a committed run
        using var repo = GitFixture.Create();
        await GitFixture.ApplyCommitAsync(repo, GitFixture.Clock());
        var id = GitFixture.OnlyRunId(repo);

        // When its history is asked for by id
        var result = await CliHarness.RunAsync(repo.Path, "history", id, "--format", "json");

        // Then the full report stored in the note comes back
        Assert.True(result.ExitCode == 0, result.ToString());
        using var document = JsonDocument.Parse(result.Stdout);
        var report = document.RootElement.GetProperty("reports").GetProperty(id);
        Assert.Equal("env-to-isolated", report.GetProperty("codemod").GetProperty("name").GetString());
        Assert.Equal(2, report.GetProperty("files").GetArrayLength());
    }
}
