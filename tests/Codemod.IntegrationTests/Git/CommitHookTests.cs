using Codemod.IntegrationTests.Infrastructure;

namespace Codemod.IntegrationTests.Git;

public sealed class CommitHookTests
{
    [Theory]
    [InlineData("pre-commit")]
    [InlineData("commit-msg")]
    public async Task Rejecting_hook_restores_every_file_removes_the_tags_and_shows_the_hook_output(string hook)
    {
        // Given a hook that rejects every commit (after reformatting a file, as formatters do)
        using var repo = GitFixture.Create();
        repo.WriteHook(hook, "echo 'hook says: not today' >&2\necho '# reformatted' >> pkg/a.py\nexit 1");
        var before = RepoSnapshot.Take(repo);

        // When the codemod is applied with --commit
        var result = await GitFixture.ApplyCommitAsync(repo, GitFixture.Clock());

        // Then it exits 1 with the hook's message, and the repository is exactly as before: bytes, index, HEAD, tags
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("hook says: not today", result.Stderr);
        Assert.Contains("git refused the commit", result.Stderr);
        RepoSnapshot.Take(repo).AssertSameAs(before);
    }

    [Fact]
    public async Task No_verify_commits_past_a_rejecting_hook()
    {
        // Given a pre-commit hook that rejects every commit
        using var repo = GitFixture.Create();
        repo.WriteHook("pre-commit", "exit 1");
        var start = repo.Head;

        // When the codemod is applied with --commit --no-verify
        var result = await GitFixture.ApplyCommitAsync(repo, GitFixture.Clock(), "--no-verify");

        // Then the commit is made
        Assert.True(result.ExitCode == 0, result.ToString()); // one review item: output, not failure
        Assert.Equal(start, repo.Run("rev-parse", "HEAD~1").Trim());
        Assert.Equal(2, repo.Tags.Count);
    }
}
