using System.Text;
using Codemod.Core.Discovery;
using Codemod.Core.Plans;
using Codemod.Core.Settings;
using Codemod.Core.Transform;
using Codemod.Core.Vcs;

namespace Codemod.Tests.Plans;

/// <summary>"All steps or none" and the dry run's overlay, with in-memory git, codemods and verification (no process).</summary>
public sealed class BatchRunnerTests : IDisposable
{
    private readonly TempFolder _tree = new();
    private readonly TempFolder _gitDirectory = new();
    private readonly FakeTransformRunner _transform = new();

    public BatchRunnerTests()
    {
        _tree.Write("pkg/a.py", "x = one\n");
        _tree.Write("pkg/b.py", "y = 1\n");
    }

    public void Dispose()
    {
        _tree.Dispose();
        _gitDirectory.Dispose();
    }

    private readonly NoGit _lister = new();

    /// <summary>Outside git (the folder is walked); counts the listings: one per step's discovery, one per verification copy.</summary>
    private sealed class NoGit : IFileLister
    {
        public int Listings { get; private set; }

        public IReadOnlyList<string>? ListFiles(string root)
        {
            Listings++;
            return null;
        }
    }

    [Fact]
    public async Task A_passing_batch_keeps_one_commit_per_step_and_tags_the_batch()
    {
        var git = new FakeGitRepository(_tree.Path, _gitDirectory.Path);
        var start = git.Head()!;

        var report = await RunAsync(git, Steps(FakeTransformRunner.OneToTwo, FakeTransformRunner.TwoToThree));

        Assert.True(report.Succeeded);
        Assert.Equal([StepStatus.Committed, StepStatus.Committed], report.Steps.Select(s => s.Status));
        Assert.Equal("x = three\n", Read("pkg/a.py"));
        Assert.Equal(2, git.CommitsBetween(start, git.Head()!).Count);
        Assert.All(git.CommitsBetween(start, git.Head()!), c => Assert.Equal([report.BatchId!], c.Trailer(CommitTrailers.Batch)));
        Assert.Equal([RunTags.Before(report.BatchId!), RunTags.After(report.BatchId!)], report.Tags);
        Assert.Empty(git.Status().Entries);
        Assert.Empty(Directory.EnumerateFiles(_gitDirectory.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Step_two_failing_undoes_step_one_commit_and_leaves_the_tree_as_before()
    {
        var git = new FakeGitRepository(_tree.Path, _gitDirectory.Path);
        var start = git.Head()!;
        var before = Snapshot();

        var report = await RunAsync(git, Steps(FakeTransformRunner.OneToTwo, FakeTransformRunner.Broken));

        Assert.False(report.Succeeded);
        Assert.Equal([StepStatus.RolledBack, StepStatus.Failed], report.Steps.Select(s => s.Status));
        Assert.StartsWith("1 file(s) failed: pkg/a.py:1: the codemod crashed", report.FailedStep!.Failure, StringComparison.Ordinal);
        Assert.True(report.RolledBack);
        Assert.Empty(report.RollbackProblems);
        Assert.Equal(start, git.Head());
        Assert.Equal(before, Snapshot());
        Assert.Empty(git.Status().Entries);
        Assert.Empty(git.TagNames);
        Assert.Null(git.ResolveCommit(RunTags.NotesRef));
    }

    [Fact]
    public async Task Git_refusing_step_two_commit_undoes_step_one_commit()
    {
        var git = new FakeGitRepository(_tree.Path, _gitDirectory.Path) { RefuseCommit = n => n == 2 };
        var start = git.Head()!;
        var before = Snapshot();

        var report = await RunAsync(git, Steps(FakeTransformRunner.OneToTwo, FakeTransformRunner.TwoToThree));

        Assert.Equal([StepStatus.RolledBack, StepStatus.Failed], report.Steps.Select(s => s.Status));
        Assert.StartsWith("git refused the commit: pre-commit hook failed", report.FailedStep!.Failure, StringComparison.Ordinal);
        Assert.True(report.RolledBack);
        Assert.Equal(start, git.Head());
        Assert.Equal(before, Snapshot());
        Assert.Empty(git.Status().Entries);
        Assert.Empty(git.TagNames);
    }

    [Fact]
    public async Task A_failing_verification_keeps_nothing()
    {
        var git = new FakeGitRepository(_tree.Path, _gitDirectory.Path);
        var start = git.Head()!;
        var before = Snapshot();
        var verifier = new FakeStepVerifier((_, _) => 1);

        var report = await RunAsync(git, Steps(FakeTransformRunner.OneToTwo, FakeTransformRunner.TwoToThree), verifier, planVerify: "pytest -q");

        Assert.Equal([StepStatus.Failed, StepStatus.NotRun], report.Steps.Select(s => s.Status));
        Assert.Equal("verification `pytest -q` exited with 1: 1 test failed", report.FailedStep!.Failure);
        Assert.Equal("x = two\n", verifier.Calls.Single().Files["pkg/a.py"]);
        Assert.Equal(_tree.Path, verifier.Calls.Single().Directory);
        Assert.True(report.RolledBack);
        Assert.Equal(start, git.Head());
        Assert.Equal(before, Snapshot());
        Assert.Empty(git.Status().Entries);
        Assert.Empty(git.TagNames);
    }

    [Fact]
    public async Task A_user_edit_to_a_file_the_batch_must_restore_is_not_overwritten()
    {
        var git = new FakeGitRepository(_tree.Path, _gitDirectory.Path);
        // The user saves pkg/a.py while step 2's verification runs; the step then fails.
        var verifier = new FakeStepVerifier((_, directory) =>
        {
            File.WriteAllText(Path.Combine(directory, "pkg/a.py"), "x = mine\n");
            return 1;
        });
        var steps = Steps(FakeTransformRunner.OneToTwo, FakeTransformRunner.TwoToThree);
        steps[1] = steps[1] with { Step = steps[1].Step with { Verify = "pytest -q" } };

        var report = await RunAsync(git, steps, verifier);

        Assert.False(report.RolledBack);
        Assert.Contains("uncommitted changes to pkg/a.py", Assert.Single(report.RollbackProblems), StringComparison.Ordinal);
        Assert.Equal("x = mine\n", Read("pkg/a.py"));
        Assert.Equal([StepStatus.Committed, StepStatus.Failed], report.Steps.Select(s => s.Status));
    }

    [Fact]
    public async Task A_user_edit_to_another_file_survives_the_undo()
    {
        var git = new FakeGitRepository(_tree.Path, _gitDirectory.Path);
        var start = git.Head()!;
        var verifier = new FakeStepVerifier((_, directory) =>
        {
            File.WriteAllText(Path.Combine(directory, "pkg/b.py"), "y = 2  # the user's\n");
            return 1;
        });
        var steps = Steps(FakeTransformRunner.OneToTwo, FakeTransformRunner.TwoToThree);
        steps[1] = steps[1] with { Step = steps[1].Step with { Verify = "pytest -q" } };

        var report = await RunAsync(git, steps, verifier);

        Assert.True(report.RolledBack);
        Assert.Equal(start, git.Head());
        Assert.Equal("x = one\n", Read("pkg/a.py"));
        Assert.Equal("y = 2  # the user's\n", Read("pkg/b.py"));
        Assert.Equal(["pkg/b.py"], git.Status().Entries.Select(s => s.Path));
    }

    [Fact]
    public async Task A_dry_run_feeds_step_two_the_bytes_of_step_one()
    {
        var report = await RunAsync(null, Steps(FakeTransformRunner.OneToTwo, FakeTransformRunner.TwoToThree), dryRun: true);

        Assert.Equal([StepStatus.Previewed, StepStatus.Previewed], report.Steps.Select(s => s.Status));
        Assert.Contains(("two-to-three", "pkg/a.py", "x = two\n"), _transform.Seen);
        var second = report.Steps[1].Changes!.Changed.Single();
        Assert.Equal("x = two\n", Encoding.UTF8.GetString(second.OriginalBytes!));
        Assert.Equal("x = three\n", Encoding.UTF8.GetString(second.NewBytes!));
    }

    [Fact]
    public async Task A_dry_run_writes_nothing()
    {
        var git = new FakeGitRepository(_tree.Path, _gitDirectory.Path);
        var start = git.Head();
        var before = Snapshot();

        var report = await RunAsync(git, Steps(FakeTransformRunner.OneToTwo, FakeTransformRunner.TwoToThree), new FakeStepVerifier(), planVerify: "pytest -q", dryRun: true);

        Assert.True(report.Succeeded);
        Assert.Equal(before, Snapshot());
        Assert.Equal(start, git.Head());
        Assert.Equal(0, git.CommitRequests);
        Assert.Empty(git.TagNames);
        Assert.Empty(git.Status().Entries);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_gitDirectory.Path));
    }

    [Fact]
    public async Task A_dry_run_copies_the_tree_only_for_steps_with_verify_and_removes_the_copy()
    {
        var verifier = new FakeStepVerifier();
        var steps = Steps(FakeTransformRunner.OneToTwo, FakeTransformRunner.TwoToThree, FakeTransformRunner.OneToTwo);
        steps[1] = steps[1] with { Step = steps[1].Step with { Verify = "pytest -q" } };

        var report = await RunAsync(null, steps, verifier, dryRun: true);

        Assert.True(report.Succeeded);
        Assert.Equal(3 + 1, _lister.Listings);
        var call = Assert.Single(verifier.Calls);
        Assert.Equal("pytest -q", call.Command);
        Assert.NotEqual(_tree.Path, call.Directory);
        Assert.Equal(new Dictionary<string, string> { ["pkg/a.py"] = "x = three\n", ["pkg/b.py"] = "y = 1\n" }, call.Files);
        Assert.False(Directory.Exists(call.Directory));
    }

    [Fact]
    public async Task A_dry_run_stops_at_a_failing_verification_of_the_copy()
    {
        var before = Snapshot();
        var report = await RunAsync(null, Steps(FakeTransformRunner.OneToTwo, FakeTransformRunner.TwoToThree), new FakeStepVerifier((_, _) => 1), planVerify: "pytest -q", dryRun: true);

        Assert.Equal([StepStatus.Failed, StepStatus.NotRun], report.Steps.Select(s => s.Status));
        Assert.Equal(before, Snapshot());
    }

    private static List<BatchStep> Steps(params CodemodInfo[] codemods) =>
        [.. codemods.Select((c, i) => new BatchStep(new PlanStep { Number = i + 1, Line = i + 2, Codemod = c.Name }, c))];

    private async Task<PlanReport> RunAsync(FakeGitRepository? git, List<BatchStep> steps, FakeStepVerifier? verifier = null, string? planVerify = null, bool dryRun = false)
    {
        var plan = new Plan(Path.Combine(_tree.Path, "plan.yaml"), "test plan", planVerify, [.. steps.Select(s => s.Step)]);
        var settings = new BatchSettings { Run = new RunSettings { Root = _tree.Path, Jobs = 1 }, DryRun = dryRun, EngineVersion = "1.0.0-test" };
        return await new BatchRunner(git, _transform, _lister, verifier ?? new FakeStepVerifier(), new FixedClock("2026-01-02T03:04:05Z"), settings)
            .RunAsync(plan, steps, CancellationToken.None);
    }

    private string Read(string relative) => File.ReadAllText(Path.Combine(_tree.Path, relative));

    private SortedDictionary<string, string> Snapshot() =>
        new(Directory.EnumerateFiles(_tree.Path, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(_tree.Path, f), File.ReadAllText), StringComparer.Ordinal);
}
