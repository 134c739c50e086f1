using Codemod.Core.Changes;
using Codemod.Core.Vcs;

namespace Codemod.Tests.Vcs;

public sealed class CommitMessageBuilderTests
{
    private static readonly RunId Id = RunId.New(new FixedClock("2026-11-21T15:30:12Z"), new Random(1));

    [Fact]
    public void Subject_names_the_codemod_and_counts_rewrites_and_files()
    {
        // Given a run that rewrote 3 sites in 2 files
        var input = Input(Changed("a.py", 2), Changed("b.py", 1));

        // When the message is built
        var message = CommitMessageBuilder.Build(input);

        // Then the subject is the generic form, under 72 characters
        Assert.Equal("env-to-isolated: 3 rewrites in 2 files", message.Subject);
    }

    [Fact]
    public void Subject_uses_singular_forms_and_a_files_only_form_when_no_rewrite_was_recorded()
    {
        Assert.Equal("env-to-isolated: 1 rewrite in 1 file", CommitMessageBuilder.Build(Input(Changed("a.py", 1))).Subject);
        Assert.Equal("env-to-isolated: rewrite 2 files", CommitMessageBuilder.Build(Input(Changed("a.py", 0), Changed("b.py", 0))).Subject);
    }

    [Fact]
    public void Subject_of_a_codemod_with_a_very_long_name_is_cut_below_72_characters()
    {
        var input = Input(Changed("a.py", 1)) with { Changes = Changes(Changed("a.py", 1)) with { Codemod = new string('n', 90) } };
        var subject = CommitMessageBuilder.Build(input).Subject;
        Assert.True(subject.Length < 72, subject);
        Assert.EndsWith("...", subject);
    }

    [Fact]
    public void Body_lists_counts_per_kind_files_reviews_skips_failures_arguments_and_versions()
    {
        // Given a run with every kind of outcome
        var review = new ChangeRecord(4, 0, "environ-subscript-read", "os.environ[k] raises KeyError\nwhen unset");
        var files = new[]
        {
            Changed("a.py", 2) with { Reviews = [review] },
            new FileOutcome { Path = "link.py", Kind = OutcomeKind.Skipped, Reason = "symbolic link (to a.py): edit the target instead" },
            FileOutcome.Fail("broken.py", "syntax error at line 2, column 0: unexpected EOF", 2),
            FileOutcome.NotApplicable("quiet.py"),
        };
        var input = Input(files) with
        {
            Changes = Changes(files) with { Arguments = new Dictionary<string, IReadOnlyList<string>> { ["module"] = ["shared.env"] } },
            RuntimeVersions = new Dictionary<string, string> { ["python"] = "3.11.7", ["libcst"] = "1.5.0" },
            Note = "Step note from the plan.",
        };

        // When the message is built
        var body = CommitMessageBuilder.Build(input).Body;

        // Then every section is there, one item per line
        Assert.StartsWith("Applied codemod env-to-isolated 1.0.0: 2 rewrites in 1 file.\n\nStep note from the plan.\n", body);
        Assert.Contains("Rewrites by kind:\n  rewrite: 2\n", body);
        Assert.Contains("Files changed (1):\n  a.py\n", body);
        Assert.Contains("Left for review (1):\n  a.py:4 [environ-subscript-read] os.environ[k] raises KeyError when unset\n", body);
        Assert.Contains("Skipped (1):\n  link.py: symbolic link (to a.py): edit the target instead\n", body);
        Assert.Contains("Failed (1):\n  broken.py:2: syntax error at line 2, column 0: unexpected EOF\n", body);
        Assert.Contains("Arguments:\n  module=shared.env\n", body);
        Assert.Contains("Versions: engine 0.1.0, env-to-isolated 1.0.0, libcst 1.5.0, python 3.11.7\n", body);
        Assert.DoesNotContain("quiet.py", body);
    }

    [Fact]
    public void Body_lists_suppressed_sites_with_their_count_and_reason()
    {
        // Given a run that left one site for a comment and one an excluded line
        var files = new[]
        {
            Changed("a.py", 1) with { Suppressed = [new SuppressedRecord(3, 8, "environ-get", "os.environ.get(...) -> get_env().get(...)", SuppressedRecord.Comment)] },
            new FileOutcome { Path = "b.py", Kind = OutcomeKind.Unchanged, Suppressed = [new SuppressedRecord(7, 0, "getenv", "os.getenv(...) -> get_env().get(...)", SuppressedRecord.Excluded)] },
        };

        // When the message is built
        var body = CommitMessageBuilder.Build(Input(files)).Body;

        // Then both are listed under the count
        Assert.Contains(
            "Left as they are (2 suppressed):\n  a.py:3 [environ-get] os.environ.get(...) -> get_env().get(...) (comment)\n  b.py:7 [getenv] os.getenv(...) -> get_env().get(...) (excluded)\n",
            body);
    }

    [Fact]
    public void Body_has_no_suppressed_section_when_nothing_was_suppressed()
    {
        Assert.DoesNotContain("Left as they are", CommitMessageBuilder.Build(Input(Changed("a.py", 1))).Body);
    }

    [Fact]
    public void Long_file_lists_show_the_first_200_and_a_count()
    {
        // Given 250 changed files
        var files = Enumerable.Range(0, 250).Select(i => Changed($"f{i:000}.py", 1)).ToArray();

        // When the message is built
        var body = CommitMessageBuilder.Build(Input(files)).Body;

        // Then 200 are listed and the rest counted, pointing at the full report
        Assert.Contains("  f199.py\n  ... and 50 more (all of them: codemod history " + Id.Value + ")\n", body);
        Assert.DoesNotContain("f200.py", body);
    }

    [Fact]
    public void Trailers_close_the_message_with_run_codemod_batch_and_rollback()
    {
        // Given a step of a plan batch
        var input = Input(Changed("a.py", 1)) with { BatchId = "20261121T153000Z-000000" };

        // When the message text is built
        var text = CommitMessageBuilder.Build(input).Text;

        // Then the last paragraph holds the trailers, in a fixed order
        var last = text.TrimEnd('\n').Split("\n\n")[^1];
        Assert.Equal(
            $"Codemod-Run: {Id.Value}\nCodemod: env-to-isolated@1.0.0\nCodemod-Batch: 20261121T153000Z-000000\nRollback: codemod rollback {Id.Value}",
            last);
    }

    private static CommitMessageInput Input(params FileOutcome[] files) => new()
    {
        Changes = Changes(files),
        CommittedPaths = [.. files.Where(f => f.Kind == OutcomeKind.Changed).Select(f => f.Path)],
        RunId = Id,
        EngineVersion = "0.1.0",
    };

    private static ChangeSet Changes(params FileOutcome[] files) =>
        new("env-to-isolated", "1.0.0", new Dictionary<string, IReadOnlyList<string>>(), ChangeSet.Sort(files), TimeSpan.Zero);

    private static FileOutcome Changed(string path, int rewrites) => new()
    {
        Path = path,
        Kind = OutcomeKind.Changed,
        Changes = [.. Enumerable.Range(1, rewrites).Select(i => new ChangeRecord(i, 0, "rewrite", "rewritten"))],
    };
}
