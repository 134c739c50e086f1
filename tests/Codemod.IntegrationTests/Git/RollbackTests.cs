using Codemod.IntegrationTests.Infrastructure;

namespace Codemod.IntegrationTests.Git;

public sealed class RollbackTests
{
    [Fact]
    public async Task Revert_rollback_restores_the_exact_bytes_of_every_changed_file_and_keeps_history()
    {
        // Given a committed run on files with CRLF line endings and a later unrelated commit
        using var repo = GitFixture.Create();
        var crlf = "import os\r\n\r\nX = os.environ.get(\"X\")\r\n";
        repo.Directory.Write("pkg/crlf.py", crlf);
        repo.CommitAll("crlf file");
        var original = Bytes(repo);
        await GitFixture.ApplyCommitAsync(repo, GitFixture.Clock());
        var id = GitFixture.OnlyRunId(repo);
        repo.Directory.Write("later.txt", "later\n");
        repo.CommitAll("later work");
        var head = repo.Head;

        // When the run is rolled back
        var result = await CliHarness.RunAsync(repo.Path, "rollback", id);

        // Then a revert commit on top restores every byte, names the run, and the check is reported
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(head, repo.Run("rev-parse", "HEAD~1").Trim());
        Assert.Equal(original, Bytes(repo));
        Assert.Equal(id, repo.Run("log", "-1", "--format=%(trailers:key=Codemod-Rollback,valueonly)").Trim());
        Assert.StartsWith($"Roll back codemod run {id}", repo.Run("log", "-1", "--format=%s"));
        Assert.Contains($"verified: 3 file(s) identical to codemod/{id}/before", result.Stderr);
        Assert.Equal("later\n", File.ReadAllText(repo.Directory.Combine("later.txt")));
        Assert.Equal(string.Empty, repo.Status);
    }

    [Fact]
    public async Task Hard_rollback_resets_to_the_rollback_point_and_history_remembers_it()
    {
        // Given a committed run that is still HEAD
        using var repo = GitFixture.Create();
        var start = repo.Head;
        var original = Bytes(repo);
        await GitFixture.ApplyCommitAsync(repo, GitFixture.Clock());
        var id = GitFixture.OnlyRunId(repo);

        // When it is rolled back with --hard
        var result = await CliHarness.RunAsync(repo.Path, "rollback", id, "--hard");

        // Then HEAD is the rollback point, the bytes are the original ones, and history shows the rollback
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(start, repo.Head);
        Assert.Equal(original, Bytes(repo));
        Assert.Contains($"verified: 2 file(s) identical to codemod/{id}/before", result.Stderr);
        var history = await CliHarness.RunAsync(repo.Path, "history");
        Assert.Contains("rolled back (--hard)", history.Stdout);
    }

    [Fact]
    public async Task Hard_rollback_is_refused_when_later_commits_exist()
    {
        // Given a committed run with a later commit on top
        using var repo = GitFixture.Create();
        await GitFixture.ApplyCommitAsync(repo, GitFixture.Clock());
        var id = GitFixture.OnlyRunId(repo);
        repo.Directory.Write("later.txt", "later\n");
        repo.CommitAll("later work");
        var before = RepoSnapshot.Take(repo);

        // When a hard rollback is asked for
        var result = await CliHarness.RunAsync(repo.Path, "rollback", id, "--hard");

        // Then it refuses with a one-line reason and changes nothing
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--hard needs the run's commit", Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        RepoSnapshot.Take(repo).AssertSameAs(before);
    }

    [Fact]
    public async Task Rollback_is_refused_on_a_dirty_tree()
    {
        // Given a committed run and an uncommitted edit
        using var repo = GitFixture.Create();
        await GitFixture.ApplyCommitAsync(repo, GitFixture.Clock());
        var id = GitFixture.OnlyRunId(repo);
        repo.Directory.Write(GitFixture.Readme, "edited\n");
        var before = RepoSnapshot.Take(repo);

        // When it is rolled back
        var result = await CliHarness.RunAsync(repo.Path, "rollback", id);

        // Then it refuses and changes nothing
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("uncommitted changes", result.Stderr);
        RepoSnapshot.Take(repo).AssertSameAs(before);
    }

    [Fact]
    public async Task Rolling_back_a_rolled_back_run_by_its_tag_says_so_and_does_nothing()
    {
        // Given a run that was rolled back
        using var repo = GitFixture.Create();
        await GitFixture.ApplyCommitAsync(repo, GitFixture.Clock());
        var id = GitFixture.OnlyRunId(repo);
        var first = await CliHarness.RunAsync(repo.Path, "rollback", $"codemod/{id}/after");
        Assert.True(first.ExitCode == 0, first.ToString());
        var before = RepoSnapshot.Take(repo);

        // When it is rolled back again
        var result = await CliHarness.RunAsync(repo.Path, "rollback", id);

        // Then it says so, exits 0, and changes nothing
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("already rolled back", result.Stderr);
        RepoSnapshot.Take(repo).AssertSameAs(before);
    }

    [Fact]
    public async Task Rollback_of_an_unknown_run_is_a_one_line_error()
    {
        // Given a repository without runs
        using var repo = GitFixture.Create();

        // When a rollback names a run that does not exist
        var result = await CliHarness.RunAsync(repo.Path, "rollback", "20260101T000000Z-abcdef");

        // Then it exits 2 with one line pointing at history
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("codemod history", Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    private static Dictionary<string, string> Bytes(TempRepo repo) =>
        RepoSnapshot.Take(repo).Files.Where(f => f.Key.StartsWith("pkg", StringComparison.Ordinal)).ToDictionary(f => f.Key, f => f.Value);
}
