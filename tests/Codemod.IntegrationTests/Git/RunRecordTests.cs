using System.Text.Json;
using Codemod.IntegrationTests.Infrastructure;

namespace Codemod.IntegrationTests.Git;

/// <summary>The commit is the record: trailers find a run without its tags, and the index matches what was committed.</summary>
public sealed class RunRecordTests
{
    [Fact]
    public async Task A_run_whose_tags_and_note_are_gone_is_still_found_by_history_and_rolled_back_by_its_trailer()
    {
        // Given a committed run whose tags and note were lost
        using var repo = GitFixture.Create();
        var original = RepoSnapshot.Take(repo).Files;
        var applied = await GitFixture.ApplyCommitAsync(repo, GitFixture.Clock());
        Assert.Contains("committed", applied.Stderr);
        var id = GitFixture.OnlyRunId(repo);
        foreach (var tag in repo.Tags)
        {
            repo.Run("tag", "-d", tag);
        }

        repo.Run("update-ref", "-d", "refs/notes/codemod");

        // When history lists the runs and the run is rolled back by id
        var history = await CliHarness.RunAsync(repo.Path, "history", "--format", "json");
        using var runs = JsonDocument.Parse(history.Stdout);
        var run = runs.RootElement.GetProperty("runs").EnumerateArray().Single();
        var rollback = await CliHarness.RunAsync(repo.Path, "rollback", id);

        // Then both find it through the Codemod-Run trailer
        Assert.Equal(id, run.GetProperty("runId").GetString());
        Assert.Equal("active", run.GetProperty("state").GetString());
        Assert.True(rollback.ExitCode == 0, rollback.ToString());
        Assert.Equal(original, RepoSnapshot.Take(repo).Files);
    }

    [Fact]
    public async Task A_pre_commit_hook_that_restages_a_file_leaves_the_index_matching_the_commit()
    {
        // Given a pre-commit hook that reformats a file and stages it again
        using var repo = GitFixture.Create();
        repo.WriteHook("pre-commit", "sed -i 's/localhost/127.0.0.1/' pkg/a.py\ngit add pkg/a.py");

        // When apply --commit runs
        var result = await GitFixture.ApplyCommitAsync(repo, GitFixture.Clock());

        // Then the commit holds the hook's change, and index and tree match it: nothing is left modified
        Assert.Contains("committed", result.Stderr);
        Assert.Contains("127.0.0.1", repo.Run("show", "HEAD:pkg/a.py"));
        Assert.Equal(string.Empty, repo.Status);
    }

    [Fact]
    public async Task The_commit_message_file_lives_in_the_git_directory_and_is_gone_after_the_run()
    {
        // Given a hook that lists the run journal's folder while git commits
        using var repo = GitFixture.Create();
        using var scratch = new TempDirectory();
        var listing = scratch.Combine("listing.txt");
        repo.WriteHook("pre-commit", $"ls .git/codemod-journal > '{listing}'");

        // When apply --commit runs
        var result = await GitFixture.ApplyCommitAsync(repo, GitFixture.Clock());

        // Then the message file was inside the git directory during the commit, and nothing is left after it
        Assert.Contains("committed", result.Stderr);
        Assert.Contains(".msg", File.ReadAllText(listing));
        CrashFixture.AssertNoDebris(repo.Path, Path.Combine(repo.Path, ".git"));
    }

    [Fact]
    public async Task With_allow_dirty_the_totals_count_only_the_rewrites_that_were_written()
    {
        // Given pkg/a.py (two rewrites) has uncommitted changes, pkg/b.py (one rewrite) has none
        using var repo = GitFixture.Create();
        repo.Directory.Write(GitFixture.A, GitFixture.ASource + "# work in progress\n");

        // When apply --commit --allow-dirty runs
        var result = await GitFixture.ApplyCommitAsync(repo, GitFixture.Clock(), "--allow-dirty", "--format", "json");

        // Then only b.py's rewrite counts, in the JSON and in the summary
        using var document = JsonDocument.Parse(result.Stdout);
        var totals = document.RootElement.GetProperty("totals");
        Assert.Equal(1, totals.GetProperty("changed").GetInt32());
        Assert.Equal(1, totals.GetProperty("changes").GetInt32());
        Assert.Contains("1 changed (1 rewrites)", result.Stderr);
    }
}
