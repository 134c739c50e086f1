using System.Text.Json;
using Codemod.IntegrationTests.Infrastructure;

namespace Codemod.IntegrationTests.Cli;

/// <summary>Exit 1 means only "some files failed": review items are reported, and fail the run only under --strict.</summary>
public sealed class ReviewExitCodeTests
{
    private const string ReviewOnly = "import os\nURL = os.environ[\"DATABASE_URL\"]\n";
    private const string Rewritable = "import os\nTIMEOUT = os.environ.get(\"TIMEOUT\", \"30\")\n";

    [Fact]
    public async Task Review_items_alone_exit_zero_and_are_shown_in_the_summary_and_the_json()
    {
        // Given a file whose only finding is a review item
        using var dir = new TempDirectory();
        dir.Write("b.py", ReviewOnly);

        // When previewing as JSON
        var result = await CliHarness.RunAsync(dir.Path, "preview", "env-to-isolated", ".", "--format", "json");

        // Then the run succeeds, and the review item is in the summary and the document
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("1 review items", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("review b.py:2: [environ-subscript-read]", result.Stderr, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(result.StdoutBytes);
        Assert.Equal(1, json.RootElement.GetProperty("totals").GetProperty("reviews").GetInt32());
    }

    [Fact]
    public async Task Strict_makes_review_items_exit_one_in_preview_and_apply()
    {
        // Given a file whose only finding is a review item
        using var dir = new TempDirectory();
        dir.Write("b.py", ReviewOnly);

        // When previewing and applying with --strict
        var preview = await CliHarness.RunAsync(dir.Path, "preview", "env-to-isolated", ".", "--strict");
        var apply = await CliHarness.RunAsync(dir.Path, "apply", "env-to-isolated", ".", "--strict");

        // Then both exit 1
        Assert.True(preview.ExitCode == 1, preview.ToString());
        Assert.True(apply.ExitCode == 1, apply.ToString());
    }

    [Fact]
    public async Task Rerunning_apply_that_changes_nothing_exits_zero_even_with_review_items()
    {
        // Given a project with a rewrite and a review item, applied once
        using var dir = new TempDirectory();
        dir.Write("a.py", Rewritable);
        dir.Write("b.py", ReviewOnly);
        var first = await CliHarness.RunAsync(dir.Path, "apply", "env-to-isolated", ".");

        // When applying again
        var second = await CliHarness.RunAsync(dir.Path, "apply", "env-to-isolated", ".");

        // Then both runs exit 0 and the second changed nothing
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains(" 0 changed", second.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_file_still_exits_one()
    {
        // Given a file that cannot be parsed
        using var dir = new TempDirectory();
        dir.Write("c.py", "import os\ndef broken(:\n    os.environ.get('A')\n");

        // When previewing
        var result = await CliHarness.RunAsync(dir.Path, "preview", "env-to-isolated", ".");

        // Then the run exits 1
        Assert.True(result.ExitCode == 1, result.ToString());
    }
}
