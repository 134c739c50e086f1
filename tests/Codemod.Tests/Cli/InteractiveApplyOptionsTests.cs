using Codemod.Cli;
using Codemod.Cli.Options;
using Codemod.Core.Changes;
using Codemod.Core.Vcs;

namespace Codemod.Tests.Cli;

public sealed class InteractiveApplyOptionsTests
{
    [Theory]
    [InlineData(false, "-i --format json", "-i asks a person about each site and cannot write --format json")]
    [InlineData(true, "-i", "-i needs a terminal to ask on, and stdin is redirected")]
    [InlineData(false, "--on-quit discard", "--on-quit only makes sense with -i")]
    [InlineData(false, "-i --from-patch x.patch", "-i reviews the sites of a codemod run; --from-patch applies patches as they are")]
    public async Task Interactive_apply_without_a_terminal_or_with_json_is_a_one_line_usage_error(bool stdinRedirected, string options, string expected)
    {
        // Given apply with -i where nobody can answer (or an option -i needs)
        var args = new[] { "apply" }.Concat(options.Contains("--from-patch", StringComparison.Ordinal) ? [] : new[] { "env-to-isolated" }).Concat(options.Split(' ')).ToArray();
        var error = new StringWriter();
        var environment = new EnvironmentSnapshot(NoColor: true, Python: null, CurrentDirectory: Path.GetTempPath(), OutputRedirected: true, ErrorRedirected: true) { InputRedirected = stdinRedirected };

        // When it runs
        var code = await CliApp.RunAsync(args, new CliContext(new MemoryStream(), error, environment));

        // Then it stops with one line and exit 2, before any worker or file is touched
        Assert.Equal(ExitCodes.UsageError, code);
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public void Commit_message_lists_the_sites_rejected_in_review_in_a_section_of_their_own()
    {
        // Given a file whose re-run left two rejected sites as they are, and one site a comment suppressed
        var file = new FileOutcome
        {
            Path = "pkg/a.py",
            Kind = OutcomeKind.Changed,
            Changes = [new ChangeRecord(3, 4, "environ-get", "rewritten")],
            Suppressed =
            [
                new SuppressedRecord(4, 4, "getenv", "os.getenv(k) -> get_env().get(k)", SuppressedRecord.Excluded),
                new SuppressedRecord(9, 0, "environ-get", "os.environ.get(k) -> get_env().get(k)", SuppressedRecord.Excluded),
                new SuppressedRecord(12, 0, "environ-get", "os.environ.get(k) -> get_env().get(k)", SuppressedRecord.Comment),
            ],
        };
        var input = new CommitMessageInput
        {
            Changes = new ChangeSet("env-to-isolated", "1.0.0", new Dictionary<string, IReadOnlyList<string>>(), [file], TimeSpan.Zero),
            CommittedPaths = ["pkg/a.py"],
            RunId = RunId.New(new FixedClock("2026-11-21T15:30:12Z"), new Random(1)),
            EngineVersion = "1.0.0",
        };

        // When the message is built
        var body = CommitMessageBuilder.Build(input).Body;

        // Then the rejected sites (not the comment's) are listed as file:line kind
        Assert.Contains("\nRejected in review (2):\n  pkg/a.py:4 getenv\n  pkg/a.py:9 environ-get\n", body, StringComparison.Ordinal);
        var section = body[body.IndexOf("Rejected in review", StringComparison.Ordinal)..].Split("\n\n")[0];
        Assert.DoesNotContain("pkg/a.py:12", section, StringComparison.Ordinal);
    }

    [Fact]
    public void Commit_message_has_no_rejected_section_when_nothing_was_rejected()
    {
        var file = new FileOutcome { Path = "pkg/a.py", Kind = OutcomeKind.Changed, Changes = [new ChangeRecord(3, 4, "environ-get", "rewritten")] };
        var input = new CommitMessageInput
        {
            Changes = new ChangeSet("env-to-isolated", "1.0.0", new Dictionary<string, IReadOnlyList<string>>(), [file], TimeSpan.Zero),
            CommittedPaths = ["pkg/a.py"],
            RunId = RunId.New(new FixedClock("2026-11-21T15:30:12Z"), new Random(1)),
            EngineVersion = "1.0.0",
        };

        Assert.DoesNotContain("Rejected in review", CommitMessageBuilder.Build(input).Body, StringComparison.Ordinal);
    }
}
