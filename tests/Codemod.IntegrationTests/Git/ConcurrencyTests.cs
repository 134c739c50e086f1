using System.Diagnostics;
using System.Text;
using Codemod.Core.Apply;
using Codemod.Core.Changes;
using Codemod.Core.Files;
using Codemod.Core.Settings;
using Codemod.Core.Vcs;
using Codemod.Git;
using Codemod.IntegrationTests.Infrastructure;

namespace Codemod.IntegrationTests.Git;

/// <summary>Other writers during a run: a user's commit, a second codemod, a reset that would take a user's commit along.</summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public void A_commit_made_while_the_run_writes_is_never_taken_into_the_run_and_the_run_refuses()
    {
        // Given a run about to write two files, and a user who commits another file while it writes
        using var repo = TempRepo.Create(new Dictionary<string, string> { ["a.py"] = "A = 1\n", ["b.py"] = "B = 1\n", ["notes.txt"] = "mine\n" });
        var replacer = new CommitWhileRenaming(repo);
        var repository = GitRepository.Open(repo.Path)!;
        var committer = new RunCommitter(repository, new ChangeApplier(replacer));

        // When the run commits
        var outcome = committer.Commit(Request(Changed("a.py", "A = 1\n", "A = 2\n"), Changed("b.py", "B = 1\n", "B = 2\n")), (_, _) => "{}");

        // Then it refuses: the user's commit stays HEAD, the run's files are back, no tag is left
        Assert.Equal(CommitStatus.HeadMoved, outcome.Status);
        Assert.Equal("user commit", repo.Run("log", "-1", "--format=%s").Trim());
        Assert.Equal("A = 1\n", File.ReadAllText(repo.Directory.Combine("a.py")));
        Assert.Equal("B = 1\n", File.ReadAllText(repo.Directory.Combine("b.py")));
        Assert.Equal("theirs\n", File.ReadAllText(repo.Directory.Combine("notes.txt")));
        Assert.Empty(repo.Tags);
        Assert.Equal(string.Empty, repo.Status);
    }

    [Fact]
    public async Task Rollback_hard_refuses_when_the_range_holds_a_commit_that_is_not_the_runs_own()
    {
        // Given a run whose rollback point is below a user's commit (as a run made before the repository lock could leave)
        using var repo = GitFixture.Create();
        const string id = "20261121T153012Z-abcdef";
        repo.Run("tag", "-a", "-m", $"codemod run {id}: rollback point before env-to-isolated@1.0.0", $"codemod/{id}/before", "HEAD");
        repo.Directory.Write("README.md", "the user's work\n");
        repo.CommitAll("user's own commit");
        repo.Directory.Write(GitFixture.A, "A = 1\n");
        repo.Run("add", "-A");
        repo.Run("commit", "-q", "-m", $"env-to-isolated: 1 rewrites in 1 files\n\nCodemod-Run: {id}\nCodemod: env-to-isolated@1.0.0");
        repo.Run("tag", "-a", "-m", $"codemod run {id}: env-to-isolated", $"codemod/{id}/after", "HEAD");
        var head = repo.Head;

        // When it is rolled back with --hard
        var result = await CliHarness.RunAsync(repo.Path, "rollback", id, "--hard");

        // Then it refuses, naming the foreign commit, and nothing moved
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("which is not the run's own", result.Stderr);
        Assert.Equal(head, repo.Head);
        Assert.Equal("the user's work\n", File.ReadAllText(repo.Directory.Combine("README.md")));
    }

    [Fact]
    public async Task A_second_run_refuses_while_a_live_process_holds_the_repository_lock_and_takes_over_a_stale_one()
    {
        // Given a lock held by a live process
        using var repo = GitFixture.Create();
        var lockPath = Path.Combine(repo.Path, ".git", RepositoryLock.FileName);
        using (var owner = Process.Start("sleep", "60"))
        {
            var started = owner.StartTime.ToUniversalTime().Ticks / TimeSpan.TicksPerSecond;
            File.WriteAllText(lockPath, $"{owner.Id}\n{started}\n");

            // When apply --commit runs
            var refused = await GitFixture.ApplyCommitAsync(repo, GitFixture.Clock());

            // Then it refuses before writing anything
            Assert.Equal(2, refused.ExitCode);
            Assert.Contains($"another codemod run (process {owner.Id}) holds the repository lock", refused.Stderr);
            Assert.Equal(string.Empty, repo.Status);
            owner.Kill();
            owner.WaitForExit();
        }

        // When the owner is gone, the lock is stale: the next run takes it over and releases it
        var applied = await GitFixture.ApplyCommitAsync(repo, GitFixture.Clock());
        Assert.True(applied.ExitCode is 0 or 1, applied.ToString());
        Assert.Contains("committed", applied.Stderr);
        Assert.False(File.Exists(lockPath));
    }

    private static FileOutcome Changed(string path, string before, string after) => new()
    {
        Path = path,
        Kind = OutcomeKind.Changed,
        OriginalBytes = Encoding.UTF8.GetBytes(before),
        OriginalHash = ContentHash.Of(Encoding.UTF8.GetBytes(before)),
        NewBytes = Encoding.UTF8.GetBytes(after),
        Changes = [new ChangeRecord(1, 0, "test", "changed")],
    };

    private static CommitRequest Request(params FileOutcome[] files) => new()
    {
        Changes = new ChangeSet("test", "1.0.0", new Dictionary<string, IReadOnlyList<string>>(), files, TimeSpan.Zero),
        RunId = RunId.New(GitFixture.Clock()),
        EngineVersion = "0.0.0",
    };

    // The user commits another file while the run renames its first one.
    private sealed class CommitWhileRenaming(TempRepo repo) : IFileReplacer
    {
        private bool _done;

        public void Replace(string tempPath, string targetPath)
        {
            if (!_done)
            {
                _done = true;
                repo.Directory.Write("notes.txt", "theirs\n");
                repo.Run("commit", "-q", "-m", "user commit", "--", "notes.txt");
            }

            File.Move(tempPath, targetPath, overwrite: true);
        }
    }
}
