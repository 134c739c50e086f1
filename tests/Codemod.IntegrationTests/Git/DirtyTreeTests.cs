using Codemod.IntegrationTests.Infrastructure;

namespace Codemod.IntegrationTests.Git;

public sealed class DirtyTreeTests
{
    [Fact]
    public async Task Commit_on_a_dirty_tree_is_refused_with_one_line_naming_allow_dirty()
    {
        // Given a repository with an uncommitted change
        using var repo = GitFixture.Create();
        repo.Directory.Write(GitFixture.Readme, "edited\n");
        var before = RepoSnapshot.Take(repo);

        // When the codemod is applied with --commit
        var result = await GitFixture.ApplyCommitAsync(repo, GitFixture.Clock());

        // Then it refuses in one line, exit 2, and touches nothing
        Assert.True(result.ExitCode == 2, result.ToString());
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("uncommitted changes", line);
        Assert.Contains("--allow-dirty", line);
        RepoSnapshot.Take(repo).AssertSameAs(before);
    }

    [Fact]
    public async Task Allow_dirty_leaves_unrelated_changes_untouched_and_out_of_the_commit()
    {
        // Given an unrelated modified file and an unrelated staged file
        using var repo = GitFixture.Create();
        repo.Directory.Write(GitFixture.Readme, "edited, not staged\n");
        repo.Directory.Write("notes.txt", "staged by the user\n");
        repo.Run("add", "notes.txt");

        // When the codemod is applied with --commit --allow-dirty
        var result = await GitFixture.ApplyCommitAsync(repo, GitFixture.Clock(), "--allow-dirty");

        // Then the commit holds only the codemod's files, and the user's changes are exactly as they were
        Assert.True(result.ExitCode == 0, result.ToString()); // one review item: output, not failure
        Assert.Equal("pkg/a.py\npkg/b.py\n", repo.Run("show", "--name-only", "--format=", "HEAD"));
        Assert.Equal("edited, not staged\n", File.ReadAllText(repo.Directory.Combine(GitFixture.Readme)));
        Assert.Equal(" M README.md\nA  notes.txt\n", repo.Status);
    }

    [Fact]
    public async Task Allow_dirty_refuses_a_target_file_that_has_uncommitted_changes_and_commits_the_others()
    {
        // Given a file the codemod would rewrite, with an uncommitted edit
        using var repo = GitFixture.Create();
        var edited = GitFixture.BSource + "EXTRA = os.environ.get(\"EXTRA\")\n";
        repo.Directory.Write(GitFixture.B, edited);

        // When the codemod is applied with --commit --allow-dirty
        var result = await GitFixture.ApplyCommitAsync(repo, GitFixture.Clock(), "--allow-dirty");

        // Then that file is refused (a failure, untouched), the other file is committed
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("pkg/b.py: has uncommitted changes", result.Stderr);
        Assert.Equal(edited, File.ReadAllText(repo.Directory.Combine(GitFixture.B)));
        Assert.Equal("pkg/a.py\n", repo.Run("show", "--name-only", "--format=", "HEAD"));
        Assert.Contains("Failed (1):\n  pkg/b.py: has uncommitted changes", repo.Run("log", "-1", "--format=%b"));
        Assert.Equal(" M pkg/b.py\n", repo.Status);
    }
}
