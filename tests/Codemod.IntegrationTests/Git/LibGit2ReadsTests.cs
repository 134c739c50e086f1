using System.Text;
using Codemod.Cli;
using Codemod.Cli.Options;
using Codemod.Core.Vcs;
using Codemod.Git;
using Codemod.IntegrationTests.Infrastructure;

namespace Codemod.IntegrationTests.Git;

/// <summary>
/// History is read in-process through LibGit2Sharp; what touches the work tree or the index stays on the git CLI.
/// These tests hold both halves of that rule: the two read paths answer the same, a repository libgit2 cannot open
/// falls back to the CLI, and hooks, sparse checkouts, filter drivers and tag signing still behave as git's own.
/// </summary>
public sealed class LibGit2ReadsTests
{
    [Fact]
    public async Task History_json_is_byte_identical_through_libgit2_and_through_the_git_cli()
    {
        // Given a repository with a committed run, its revert, and a second run
        using var repo = GitFixture.Create();
        await GitFixture.ApplyCommitAsync(repo, GitFixture.Clock());
        var first = GitFixture.OnlyRunId(repo);
        Assert.Equal(0, (await CliHarness.RunAsync(repo.Path, "rollback", first)).ExitCode);
        repo.Directory.Write("pkg/c.py", "import os\n\nC = os.environ.get(\"C\")\n");
        repo.CommitAll("c");
        Assert.Equal(0, (await GitFixture.ApplyCommitAsync(repo, ManualClock.At("2026-11-21T16:00:00Z"))).ExitCode);

        // When history is listed through each read path
        var inProcess = await RunWithReadsAsync(repo.Path, null, "history", "--format", "json");
        var cli = await RunWithReadsAsync(repo.Path, "cli", "history", "--format", "json");
        var oneRun = await RunWithReadsAsync(repo.Path, null, "history", first, "--format", "json");
        var oneRunCli = await RunWithReadsAsync(repo.Path, "cli", "history", first, "--format", "json");

        // Then both list the same runs, byte for byte, and the in-process reader really answered
        Assert.True(inProcess.ExitCode == 0, inProcess.ToString());
        Assert.Equal(cli.Stdout, inProcess.Stdout);
        Assert.Equal(oneRunCli.Stdout, oneRun.Stdout);
        Assert.Contains("\"rollback\"", inProcess.Stdout, StringComparison.Ordinal);
        using var repository = GitRepository.Open(repo.Path)!;
        Assert.Equal(2, new RunHistoryReader(repository).Read().Count);
        Assert.True(repository.ReadsInProcess);
    }

    [Fact]
    public async Task A_repository_libgit2_cannot_open_is_read_through_the_git_cli()
    {
        // Given a run, then a repository extension git knows and libgit2 refuses
        using var repo = GitFixture.Create();
        await GitFixture.ApplyCommitAsync(repo, GitFixture.Clock());
        var id = GitFixture.OnlyRunId(repo);
        var expected = await RunWithReadsAsync(repo.Path, "cli", "history", "--format", "json");
        repo.Run("config", "core.repositoryformatversion", "1");
        repo.Run("config", "extensions.preciousObjects", "true");

        // When history is read and the run rolled back
        var history = await CliHarness.RunAsync(repo.Path, "history", "--format", "json");
        using var repository = GitRepository.Open(repo.Path)!;
        var runs = new RunHistoryReader(repository).Read();
        var rollback = await CliHarness.RunAsync(repo.Path, "rollback", id);

        // Then nothing crashes: the CLI answers as it would have, and the rollback is verified
        Assert.True(history.ExitCode == 0, history.ToString());
        Assert.Equal(expected.Stdout, history.Stdout);
        Assert.False(repository.ReadsInProcess);
        Assert.Equal(id, Assert.Single(runs).RunId);
        Assert.True(rollback.ExitCode == 0, rollback.ToString());
        Assert.Contains("verified: 2 file(s) identical", rollback.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_accepting_hook_runs_for_the_run_commit_and_for_the_revert_commit()
    {
        // Given a pre-commit hook that records each time it runs (LibGit2Sharp would never run it)
        using var repo = GitFixture.Create();
        var log = Path.Combine(repo.Path, ".git", "hook-ran.log");
        repo.WriteHook("pre-commit", $"echo ran >> '{log}'");

        // When a run is committed, then rolled back
        await GitFixture.ApplyCommitAsync(repo, GitFixture.Clock());
        var rollback = await CliHarness.RunAsync(repo.Path, "rollback", GitFixture.OnlyRunId(repo));

        // Then the hook ran for both commits
        Assert.True(rollback.ExitCode == 0, rollback.ToString());
        Assert.Equal(["ran", "ran"], File.ReadAllLines(log));
    }

    [Fact]
    public async Task Sparse_checkout_with_a_sparse_index_commits_history_and_rolls_back_without_touching_the_excluded_folder()
    {
        // Given a sparse checkout (sparse index) that leaves out docs/, which is in HEAD
        using var repo = GitFixture.Create();
        repo.Directory.Write("docs/guide.py", "import os\n\nGUIDE = os.environ.get(\"GUIDE\")\n");
        repo.CommitAll("docs");
        repo.Run("sparse-checkout", "init", "--cone", "--sparse-index");
        repo.Run("sparse-checkout", "set", "pkg");
        Assert.False(File.Exists(repo.Directory.Combine("docs/guide.py")));
        var start = repo.Head;

        // When a run is committed, listed and rolled back
        var applied = await GitFixture.ApplyCommitAsync(repo, GitFixture.Clock());
        var id = GitFixture.OnlyRunId(repo);
        var history = await CliHarness.RunAsync(repo.Path, "history", "--format", "json");
        var rollback = await CliHarness.RunAsync(repo.Path, "rollback", id, "--format", "json");

        // Then only the checked-out files changed, docs/ stays in HEAD and out of the work tree, and the rollback is verified
        Assert.True(applied.ExitCode == 0, applied.ToString());
        Assert.Equal([GitFixture.A, GitFixture.B], repo.Run("diff-tree", "-r", "--name-only", "--no-commit-id", start, $"codemod/{id}/after").Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(id, history.Stdout, StringComparison.Ordinal);
        Assert.True(rollback.ExitCode == 0, rollback.ToString());
        Assert.Contains("\"verified\": true", rollback.Stdout, StringComparison.Ordinal);
        Assert.Equal("import os\n\nGUIDE = os.environ.get(\"GUIDE\")\n", repo.Run("show", "HEAD:docs/guide.py"));
        Assert.False(File.Exists(repo.Directory.Combine("docs/guide.py")));
        Assert.Equal(string.Empty, repo.Status);
    }

    [Fact]
    public async Task A_clean_filter_shapes_the_committed_blob_as_git_add_would()
    {
        // Given a clean/smudge filter: the work tree holds "SMUDGED", the repository "CLEAN"
        using var repo = GitFixture.Create();
        repo.Run("config", "filter.marker.clean", "sed s/SMUDGED/CLEAN/");
        repo.Run("config", "filter.marker.smudge", "sed s/CLEAN/SMUDGED/");
        repo.Directory.Write(".gitattributes", "*.py filter=marker\n");
        repo.Directory.Write(GitFixture.A, "# CLEAN marker\n" + GitFixture.ASource);
        repo.CommitAll("filtered");
        File.Delete(repo.Directory.Combine(GitFixture.A));
        repo.Run("checkout", "--", GitFixture.A);
        Assert.StartsWith("# SMUDGED marker\n", File.ReadAllText(repo.Directory.Combine(GitFixture.A)), StringComparison.Ordinal);

        // When a run is committed and rolled back
        var applied = await GitFixture.ApplyCommitAsync(repo, GitFixture.Clock());
        var committed = repo.Run("show", $"HEAD:{GitFixture.A}");
        var rollback = await CliHarness.RunAsync(repo.Path, "rollback", GitFixture.OnlyRunId(repo), "--format", "json");

        // Then the committed blob went through the clean filter (and carries the rewrite), the work tree keeps the
        // smudged form, and the rollback's blob comparison holds
        Assert.True(applied.ExitCode == 0, applied.ToString());
        Assert.StartsWith("# CLEAN marker\n", committed, StringComparison.Ordinal);
        Assert.Contains("get_env", committed, StringComparison.Ordinal);
        Assert.StartsWith("# SMUDGED marker\n", File.ReadAllText(repo.Directory.Combine(GitFixture.A)), StringComparison.Ordinal);
        Assert.True(rollback.ExitCode == 0, rollback.ToString());
        Assert.Contains("\"verified\": true", rollback.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_tag_gpgSign_the_rollback_tags_are_made_and_signed_by_git()
    {
        // Given tag.gpgSign and a gpg program that records its calls and answers as gpg does
        using var repo = GitFixture.Create();
        var calls = Path.Combine(repo.Path, ".git", "gpg-calls.log");
        var gpg = Path.Combine(repo.Path, ".git", "fake-gpg.sh");
        File.WriteAllText(gpg, $"#!/bin/sh\necho \"$@\" >> '{calls}'\ncat > /dev/null\nprintf '\\n[GNUPG:] SIG_CREATED D 1 8 00 0 0 0\\n' >&2\nprintf -- '-----BEGIN PGP SIGNATURE-----\\nfake\\n-----END PGP SIGNATURE-----\\n'\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(gpg, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        repo.Run("config", "tag.gpgSign", "true");
        repo.Run("config", "gpg.program", gpg);

        // When a run is committed
        var applied = await GitFixture.ApplyCommitAsync(repo, GitFixture.Clock());
        var id = GitFixture.OnlyRunId(repo);

        // Then git signed both tags (the fake gpg was called for each), and history still reads the run
        Assert.True(applied.ExitCode == 0, applied.ToString());
        Assert.Equal(2, File.ReadAllLines(calls).Length);
        Assert.Contains("-----BEGIN PGP SIGNATURE-----", repo.Run("cat-file", "tag", $"codemod/{id}/before"), StringComparison.Ordinal);
        Assert.Contains("-----BEGIN PGP SIGNATURE-----", repo.Run("cat-file", "tag", $"codemod/{id}/after"), StringComparison.Ordinal);
        var history = await RunWithReadsAsync(repo.Path, null, "history", "--format", "json");
        Assert.Equal((await RunWithReadsAsync(repo.Path, "cli", "history", "--format", "json")).Stdout, history.Stdout);
        Assert.Contains(id, history.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_signing_the_rollback_tags_and_note_are_written_in_process_as_git_would_write_them()
    {
        // Given a committed run (tags and note written through LibGit2Sharp)
        using var repo = GitFixture.Create();
        await GitFixture.ApplyCommitAsync(repo, GitFixture.Clock());
        var id = GitFixture.OnlyRunId(repo);

        // Then the tags are annotated, tagged by the configured user, with git's message cleanup; the note is readable by git
        var tag = repo.Run("cat-file", "tag", $"codemod/{id}/before");
        Assert.Contains("tagger Test User <test@example.com>", tag, StringComparison.Ordinal);
        Assert.Contains($"\n\ncodemod run {id}: rollback point before env-to-isolated@", tag, StringComparison.Ordinal);
        Assert.EndsWith("\n", tag, StringComparison.Ordinal);
        Assert.False(tag.EndsWith("\n\n", StringComparison.Ordinal));
        Assert.Equal(repo.Run("rev-parse", $"codemod/{id}/after^{{commit}}").Trim(), repo.Run("rev-parse", "HEAD").Trim());
        var note = repo.Run("notes", "--ref=codemod", "show", "HEAD");
        Assert.Contains(id, note, StringComparison.Ordinal);
        Assert.EndsWith("\n", note, StringComparison.Ordinal);
        Assert.False(note.EndsWith("\n\n", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Doctor_reports_the_libgit2_build_it_loads()
    {
        using var dir = new TempDirectory();

        var result = await CliHarness.RunAsync(dir.Path, "doctor");

        Assert.Matches(@"libgit2\s+.\s+ok\s+.\s+libgit2 [0-9a-f]{7,} \(LibGit2Sharp 0\.32\.0\)", result.Stdout);
        Assert.StartsWith("libgit2 ", GitRepository.LibGit2Version(), StringComparison.Ordinal);
    }

    private static async Task<CliHarness.CliResult> RunWithReadsAsync(string directory, string? reads, params string[] args)
    {
        using var stdout = new MemoryStream();
        using var stderr = new StringWriter();
        var environment = new EnvironmentSnapshot(NoColor: true, Python: null, CurrentDirectory: directory, OutputRedirected: true, ErrorRedirected: true, GitReads: reads);
        var code = await CliApp.RunAsync(args, new CliContext(stdout, stderr, environment), CancellationToken.None);
        return new CliHarness.CliResult(code, stdout.ToArray(), stderr.ToString());
    }
}
