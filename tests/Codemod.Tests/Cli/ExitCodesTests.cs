using Codemod.Cli;

namespace Codemod.Tests.Cli;

public sealed class ExitCodesTests
{
    [Fact]
    public void Clean_run_exits_zero() => Assert.Equal(0, ExitCodes.For(new RunVerdict()));

    [Fact]
    public void Pending_changes_without_check_exit_zero() => Assert.Equal(0, ExitCodes.For(new RunVerdict(PendingChanges: true)));

    [Fact]
    public void Pending_changes_under_check_exit_three() => Assert.Equal(3, ExitCodes.For(new RunVerdict(PendingChanges: true, CheckRequested: true)));

    [Fact]
    public void Check_outranks_failures_because_it_is_what_was_asked() =>
        Assert.Equal(3, ExitCodes.For(new RunVerdict(Failed: 2, PendingChanges: true, CheckRequested: true)));

    [Fact]
    public void Check_with_nothing_pending_but_failures_exits_one() => Assert.Equal(1, ExitCodes.For(new RunVerdict(Failed: 1, CheckRequested: true)));

    [Fact]
    public void Failed_files_exit_one() => Assert.Equal(1, ExitCodes.For(new RunVerdict(Failed: 1)));

    [Fact]
    public void Review_items_alone_exit_zero_because_they_are_output_not_failure() => Assert.Equal(0, ExitCodes.For(new RunVerdict(Reviews: 3)));

    [Fact]
    public void Review_items_under_strict_exit_one() => Assert.Equal(1, ExitCodes.For(new RunVerdict(Reviews: 3, Strict: true)));

    [Fact]
    public void Strict_without_review_items_exits_zero() => Assert.Equal(0, ExitCodes.For(new RunVerdict(Strict: true)));

    [Fact]
    public void Failed_files_exit_one_with_or_without_review_items() => Assert.Equal(1, ExitCodes.For(new RunVerdict(Failed: 1, Reviews: 2)));

    [Fact]
    public void Missing_environment_exits_four_and_outranks_failures() => Assert.Equal(4, ExitCodes.For(new RunVerdict(Failed: 1, EnvironmentMissing: true)));

    [Fact]
    public void Failed_write_exits_one() => Assert.Equal(1, ExitCodes.For(new RunVerdict(WriteFailed: true)));

    [Fact]
    public void Baseline_exceeded_exits_three() => Assert.Equal(3, ExitCodes.For(new RunVerdict(BaselineExceeded: true)));

    [Fact]
    public void Interruption_outranks_everything() => Assert.Equal(130, ExitCodes.For(new RunVerdict(Failed: 1, PendingChanges: true, CheckRequested: true, Interrupted: true)));

    [Fact]
    public void Named_codes_have_their_documented_values()
    {
        Assert.Equal((0, 1, 2, 3, 4, 130), (ExitCodes.Success, ExitCodes.NeedsAttention, ExitCodes.UsageError, ExitCodes.PendingChanges, ExitCodes.EnvironmentMissing, ExitCodes.Interrupted));
    }

    [Fact]
    public void A_missing_environment_exits_4_and_a_user_error_2()
    {
        Assert.Equal(4, ExitCodes.For(new Codemod.Core.Settings.EnvironmentMissing("python not found")));
        Assert.Equal(2, ExitCodes.For(new Codemod.Core.Settings.UserError("bad --arg")));
    }

    [Fact]
    public void A_failed_git_command_is_a_user_error_quoting_git_and_a_git_that_cannot_start_is_a_missing_environment()
    {
        var failed = new Codemod.Core.Vcs.GitFailure("status", 128, "fatal: index file corrupt").ToError();
        var missing = new Codemod.Core.Vcs.GitFailure("status", 127, "cannot run git: No such file", CouldNotStart: true).ToError();

        Assert.Equal(2, ExitCodes.For(failed));
        Assert.Equal("`git status` failed (exit 128): fatal: index file corrupt", failed.Message);
        Assert.Equal(4, ExitCodes.For(missing));
    }
}
