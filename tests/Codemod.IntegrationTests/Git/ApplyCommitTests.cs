using System.Text.Json;
using Codemod.IntegrationTests.Infrastructure;

namespace Codemod.IntegrationTests.Git;

public sealed class ApplyCommitTests
{
    [Fact]
    public async Task Commit_message_names_the_codemod_and_counts_and_lists_files_reviews_failures_arguments_versions_and_trailers()
    {
        // Given a repository with two rewritable files and one that cannot be parsed
        using var repo = GitFixture.Create();
        repo.Directory.Write("pkg/broken.py", "import os\nX = os.environ.get(\n");
        repo.CommitAll("add a broken file");

        // When env-to-isolated is applied with --commit and an argument
        var result = await GitFixture.ApplyCommitAsync(repo, GitFixture.Clock(), "--arg", "module=shared.isolated_environment");

        // Then one commit carries a subject under 72 characters, a body a reviewer can act on, and the trailers
        Assert.True(result.ExitCode == 1, result.ToString());
        var subject = repo.Run("log", "-1", "--format=%s").Trim();
        Assert.Equal("env-to-isolated: 3 rewrites in 2 files", subject);
        Assert.True(subject.Length < 72);
        var body = repo.Run("log", "-1", "--format=%b");
        Assert.Contains("Rewrites by kind:\n  environ-get: 2\n  getenv: 1\n", body);
        Assert.Contains("Files changed (2):\n  pkg/a.py\n  pkg/b.py\n", body);
        Assert.Contains("Left for review (1):\n  pkg/b.py:4 [environ-subscript-read] ", body);
        Assert.Contains("Failed (1):\n  pkg/broken.py:", body);
        Assert.Contains("Arguments:\n  module=shared.isolated_environment\n", body);
        Assert.Matches(@"Versions: engine [0-9.]+, env-to-isolated 1\.0\.0, libcst [0-9.]+, python 3\.[0-9.]+", body);
        var id = GitFixture.OnlyRunId(repo);
        Assert.Matches("^20261121T153012Z-[0-9a-f]{6}$", id);
        Assert.Equal(id, Trailer(repo, "Codemod-Run"));
        Assert.Equal("env-to-isolated@1.0.0", Trailer(repo, "Codemod"));
        Assert.Equal($"codemod rollback {id}", Trailer(repo, "Rollback"));
        Assert.Equal("M\tpkg/a.py\nM\tpkg/b.py\n", repo.Run("show", "--name-status", "--format=", "HEAD"));
    }

    [Fact]
    public async Task Commit_is_tagged_before_and_after_and_carries_the_run_report_as_a_note()
    {
        // Given a clean repository
        using var repo = GitFixture.Create();
        var start = repo.Head;

        // When the codemod is applied with --commit
        var result = await GitFixture.ApplyCommitAsync(repo, GitFixture.Clock());

        // Then the rollback point is tagged at the old HEAD, the commit is tagged, and the full JSON report is its note
        Assert.True(result.ExitCode == 0, result.ToString()); // one review item: output, not failure
        var id = GitFixture.OnlyRunId(repo);
        Assert.Equal([$"codemod/{id}/after", $"codemod/{id}/before"], repo.Tags);
        Assert.Equal(start, repo.Run("rev-parse", $"codemod/{id}/before^{{commit}}").Trim());
        Assert.Equal(repo.Head, repo.Run("rev-parse", $"codemod/{id}/after^{{commit}}").Trim());
        Assert.Equal("tag", repo.Run("cat-file", "-t", $"codemod/{id}/before").Trim());
        using var note = JsonDocument.Parse(repo.Run("notes", "--ref=refs/notes/codemod", "show", "HEAD"));
        Assert.Equal(1, note.RootElement.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("env-to-isolated", note.RootElement.GetProperty("codemod").GetProperty("name").GetString());
        Assert.Equal(2, note.RootElement.GetProperty("totals").GetProperty("changed").GetInt32());
        Assert.Equal(id, note.RootElement.GetProperty("run").GetProperty("runId").GetString());
        Assert.Equal(string.Empty, repo.Status);
        Assert.Contains($"undo: codemod rollback {id}", result.Stderr);
    }

    [Fact]
    public async Task Json_output_of_a_committed_run_names_the_commit_and_tags()
    {
        // Given a clean repository
        using var repo = GitFixture.Create();

        // When applied with --commit --format json
        var result = await GitFixture.ApplyCommitAsync(repo, GitFixture.Clock(), "--format", "json");

        // Then the run document carries a commit object
        using var document = JsonDocument.Parse(result.Stdout);
        var commit = document.RootElement.GetProperty("commit");
        Assert.Equal("committed", commit.GetProperty("status").GetString());
        Assert.Equal(repo.Head, commit.GetProperty("commit").GetString());
        Assert.Equal(2, commit.GetProperty("tags").GetArrayLength());
        Assert.Equal(["pkg/a.py", "pkg/b.py"], commit.GetProperty("files").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Nothing_to_change_makes_no_commit_and_no_tags_and_says_so()
    {
        // Given a repository without any environment access
        using var repo = TempRepo.Create(new Dictionary<string, string> { ["plain.py"] = "x = 1\n" });
        var before = RepoSnapshot.Take(repo);

        // When the codemod is applied with --commit
        var result = await GitFixture.ApplyCommitAsync(repo, GitFixture.Clock());

        // Then nothing happens, and the user is told
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("nothing changed: no commit, no tags", result.Stderr);
        RepoSnapshot.Take(repo).AssertSameAs(before);
    }

    [Fact]
    public async Task Commit_from_a_folder_inside_the_repository_records_paths_from_the_top_level()
    {
        // Given a repository whose code lives in a sub-folder
        using var repo = TempRepo.Create(new Dictionary<string, string> { ["svc/app.py"] = GitFixture.ASource, ["top.txt"] = "top\n" });

        // When the codemod is applied with --commit from inside that folder
        var result = await CliHarness.RunAsync(repo.Directory.Combine("svc"), GitFixture.Clock(), "apply", "env-to-isolated", "--commit", "-j", "1");

        // Then the commit and its message use paths from the repository's top level
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("svc/app.py\n", repo.Run("show", "--name-only", "--format=", "HEAD"));
        Assert.Contains("Files changed (1):\n  svc/app.py\n", repo.Run("log", "-1", "--format=%b"));
    }

    [Fact]
    public async Task Commit_options_without_commit_are_a_usage_error()
    {
        // Given a repository
        using var repo = GitFixture.Create();
        var before = RepoSnapshot.Take(repo);

        // When --allow-dirty is passed without --commit
        var result = await CliHarness.RunAsync(repo.Path, "apply", "env-to-isolated", "--allow-dirty", "-j", "1");

        // Then it is refused before anything runs
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("only make sense with --commit", result.Stderr);
        RepoSnapshot.Take(repo).AssertSameAs(before);
    }

    private static string Trailer(TempRepo repo, string key) => repo.Run("log", "-1", $"--format=%(trailers:key={key},valueonly)").Trim();
}
