using System.Text;
using Codemod.Cli.Interactive;
using Codemod.Cli.Rendering;
using Codemod.Core.Changes;

namespace Codemod.Tests.Cli;

public sealed class InteractiveReviewTests
{
    private readonly FakeReviser _reviser = new();
    private readonly StringWriter _output = new();

    [Fact]
    public async Task Accepting_every_site_keeps_the_proposed_file_and_runs_nothing_again()
    {
        // Given one file with two sites; When both are accepted
        var result = await ReviewAsync("yy", ReviewSamples.File("pkg/a.py"));

        // Then the proposal stands as it was, with no re-run
        Assert.Equal(ReviewSamples.Proposed, ReviewSamples.Text(result.Changes.Files[0]));
        Assert.Empty(_reviser.Reruns);
        Assert.Equal([SiteVerdict.Accepted, SiteVerdict.Accepted], result.Decisions.Select(d => d.Verdict));
    }

    [Fact]
    public async Task Rejecting_one_site_reruns_the_file_with_that_sites_line_excluded_and_keeps_the_rerun()
    {
        // Given the codemod's answer without line 4
        _reviser.Rerun = (file, _) => file with { NewBytes = Encoding.UTF8.GetBytes(ReviewSamples.WithoutLine4), Changes = [file.Changes[0]] };

        // When the first site is accepted and the second rejected
        var result = await ReviewAsync("yn", ReviewSamples.File("pkg/a.py"));

        // Then the file ran again with exactly line 4 excluded, and the re-run's text is what will be written
        var rerun = Assert.Single(_reviser.Reruns);
        Assert.Equal("pkg/a.py", rerun.Path);
        Assert.Equal([4], rerun.Lines.Order());
        Assert.Equal(ReviewSamples.WithoutLine4, ReviewSamples.Text(result.Changes.Files[0]));
        Assert.Equal([SiteVerdict.Accepted, SiteVerdict.Rejected], result.Decisions.Select(d => d.Verdict));
        Assert.Contains("1 site kept, 1 site left as they are", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accept_rest_and_reject_rest_decide_the_remaining_sites_of_their_file_only()
    {
        // Given two files; When a accepts all of the first and d rejects all of the second
        var result = await ReviewAsync("ad", ReviewSamples.File("pkg/a.py"), ReviewSamples.File("pkg/b.py"));

        // Then the first stays as proposed, the second re-runs with both lines excluded and ends unchanged
        Assert.Equal([SiteVerdict.Accepted, SiteVerdict.Accepted, SiteVerdict.Rejected, SiteVerdict.Rejected], result.Decisions.Select(d => d.Verdict));
        var rerun = Assert.Single(_reviser.Reruns);
        Assert.Equal("pkg/b.py", rerun.Path);
        Assert.Equal([3, 4], rerun.Lines.Order());
        Assert.Equal(OutcomeKind.Changed, result.Changes.Files[0].Kind);
        Assert.Equal(OutcomeKind.Unchanged, result.Changes.Files[1].Kind);
    }

    [Fact]
    public async Task Quit_with_write_keeps_the_accepted_sites_and_leaves_later_files_unreviewed_and_unwritten()
    {
        // When the first site is accepted, then q
        var result = await ReviewAsync("yq", ReviewSamples.File("pkg/a.py"), ReviewSamples.File("pkg/b.py"));

        // Then the current file re-runs without the undecided site, and the next file is skipped, not written
        Assert.True(result.Quit);
        Assert.Equal([SiteVerdict.Accepted, SiteVerdict.NotReviewed], result.Decisions.Select(d => d.Verdict));
        Assert.Equal([4], Assert.Single(_reviser.Reruns).Lines.Order());
        Assert.Equal(OutcomeKind.Skipped, result.Changes.Files[1].Kind);
        Assert.Equal(InteractiveReview.NotReviewedReason, result.Changes.Files[1].Reason);
        Assert.Null(result.Changes.Files[1].NewBytes);
    }

    [Fact]
    public async Task Quit_with_discard_stops_at_once_without_running_anything_again()
    {
        var result = await ReviewAsync("yq", writeOnQuit: false, ReviewSamples.File("pkg/a.py"), ReviewSamples.File("pkg/b.py"));

        Assert.True(result.Quit);
        Assert.Empty(_reviser.Reruns);
    }

    [Fact]
    public async Task Help_and_unknown_keys_ask_again_without_deciding_anything()
    {
        var result = await ReviewAsync("?x\ryy", ReviewSamples.File("pkg/a.py"));

        var shown = _output.ToString();
        Assert.Contains("d - reject this site and the rest of this file", shown, StringComparison.Ordinal);
        Assert.Contains("'x' is not an answer here: press ? for help", shown, StringComparison.Ordinal);
        Assert.Contains("'\\x0d' is not an answer here", shown, StringComparison.Ordinal);
        Assert.Equal(2, result.Decisions.Count);
        var prompts = shown.Split("Accept this site [y,n,a,d,q,e,?]? ").Length - 1;
        Assert.Equal(5, prompts);
    }

    [Fact]
    public async Task Edit_takes_the_edited_text_for_the_file_when_it_compiles()
    {
        // Given an editor that changes the proposal
        const string edited = "from shared.isolated_environment import get_env\n\nA = get_env().get(\"A\", \"x\")\nB = get_env().get(\"B\")\n";
        _reviser.Edits.Enqueue(new EditResult(Encoding.UTF8.GetBytes(edited), null));

        // When the first site is edited
        var result = await ReviewAsync("e", ReviewSamples.File("pkg/a.py"));

        // Then the editor saw the proposal, its text is what will be written, and both sites are decided by the edit
        Assert.Equal(ReviewSamples.Proposed, Encoding.UTF8.GetString(Assert.Single(_reviser.EditorInputs)));
        Assert.Equal(edited, ReviewSamples.Text(result.Changes.Files[0]));
        Assert.Equal([SiteVerdict.Edited, SiteVerdict.Edited], result.Decisions.Select(d => d.Verdict));
    }

    [Fact]
    public async Task Edit_that_does_not_compile_is_refused_and_the_site_is_asked_again()
    {
        // Given an edit that breaks the file
        _reviser.Edits.Enqueue(new EditResult(Encoding.UTF8.GetBytes("A = (\n"), null));
        _reviser.CompileProblems.Enqueue("line 1: '(' was never closed");

        // When the site is edited, then both sites accepted
        var result = await ReviewAsync("eyy", ReviewSamples.File("pkg/a.py"));

        // Then the reviewer was told, and the codemod's proposal (not the broken edit) is what will be written
        Assert.Contains("the edited text does not compile: line 1: '(' was never closed", _output.ToString(), StringComparison.Ordinal);
        Assert.Equal(ReviewSamples.Proposed, ReviewSamples.Text(result.Changes.Files[0]));
        Assert.Equal([SiteVerdict.Accepted, SiteVerdict.Accepted], result.Decisions.Select(d => d.Verdict));
    }

    [Fact]
    public async Task Edit_after_a_rejection_starts_from_the_text_without_the_rejected_site()
    {
        // Given the codemod's answer without line 3
        const string withoutLine3 = "import os\nfrom shared.isolated_environment import get_env\n\nA = os.environ.get(\"A\")\nB = get_env().get(\"B\")\n";
        _reviser.Rerun = (file, lines) => lines.Count == 1 ? file with { NewBytes = Encoding.UTF8.GetBytes(withoutLine3), Changes = [file.Changes[1]] } : file with { Kind = OutcomeKind.Unchanged, NewBytes = null, Changes = [] };
        _reviser.Edits.Enqueue(new EditResult(null, "the editor (vi) exited with code 1"));

        // When the first site is rejected, the second edited (the editor fails), then rejected
        var result = await ReviewAsync("nen", ReviewSamples.File("pkg/a.py"));

        // Then the editor got the text without the rejected site, its failure was said, and the site was asked again
        Assert.Equal(withoutLine3, Encoding.UTF8.GetString(Assert.Single(_reviser.EditorInputs)));
        Assert.Contains("not edited: the editor (vi) exited with code 1", _output.ToString(), StringComparison.Ordinal);
        Assert.Equal([SiteVerdict.Rejected, SiteVerdict.Rejected], result.Decisions.Select(d => d.Verdict));
    }

    [Fact]
    public async Task Each_site_is_shown_with_its_message_and_the_hunk_around_its_line_marked()
    {
        await ReviewAsync("yy", ReviewSamples.File("pkg/a.py"));

        var shown = _output.ToString();
        Assert.Contains("(1/2) pkg/a.py:3 [environ-get] os.environ.get(k) -> get_env().get(k)", shown, StringComparison.Ordinal);
        Assert.Contains("(2/2) pkg/a.py:4 [getenv] os.getenv(k) -> get_env().get(k)", shown, StringComparison.Ordinal);
        Assert.Contains("> -A = os.environ.get(\"A\")", shown, StringComparison.Ordinal);
        Assert.Contains("  +A = get_env().get(\"A\")", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_items_are_shown_with_what_to_do_without_asking()
    {
        var reviewed = ReviewSamples.File("pkg/a.py") with { Kind = OutcomeKind.Unchanged, NewBytes = null, Changes = [], Reviews = [new ChangeRecord(7, 0, "environ-subscript-read", "os.environ[k] raises KeyError")] };

        var result = await ReviewAsync(string.Empty, reviewed);

        Assert.Contains("review pkg/a.py:7 [environ-subscript-read] os.environ[k] raises KeyError", _output.ToString(), StringComparison.Ordinal);
        Assert.Contains("rewrite these by hand", _output.ToString(), StringComparison.Ordinal);
        Assert.Empty(result.Decisions);
    }

    [Fact]
    public async Task A_rerun_that_rewrites_a_rejected_site_again_leaves_the_file_unchanged()
    {
        // Given a codemod that ignores excluded lines
        _reviser.Rerun = (file, _) => file;

        var result = await ReviewAsync("yn", ReviewSamples.File("pkg/a.py"));

        Assert.Equal(OutcomeKind.Unchanged, result.Changes.Files[0].Kind);
        Assert.Null(result.Changes.Files[0].NewBytes);
        Assert.Contains("does not honour excluded lines", _output.ToString(), StringComparison.Ordinal);
    }

    private Task<ReviewResult> ReviewAsync(string keys, params FileOutcome[] files) => ReviewAsync(keys, true, files);

    private async Task<ReviewResult> ReviewAsync(string keys, bool writeOnQuit, params FileOutcome[] files)
    {
        var script = new ScriptedKeys(keys);
        var result = await new InteractiveReview(script, _reviser, _output, new Paint(false), writeOnQuit).RunAsync(ReviewSamples.Set(files), CancellationToken.None);
        Assert.True(script.AllRead, "the review ended before every scripted key was read");
        return result;
    }
}
