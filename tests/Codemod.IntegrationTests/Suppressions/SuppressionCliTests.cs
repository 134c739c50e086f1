using System.Text.Json;
using Codemod.IntegrationTests.Infrastructure;

namespace Codemod.IntegrationTests.Suppressions;

/// <summary>Suppressed sites through the CLI: listed per file and counted in the JSON document and the summary; skip-file skips.</summary>
public sealed class SuppressionCliTests
{
    [Fact]
    public async Task Suppressed_sites_are_listed_per_file_and_counted_in_totals_and_the_summary()
    {
        // Given a file with an ignored site and a rewritable one, and a file marked skip-file
        using var dir = new TempDirectory();
        dir.Write("a.py", "import os\n\nDEBUG = os.environ.get(\"DEBUG\")  # codemod: ignore\nHOME = os.getenv(\"HOME\")\n");
        dir.Write("b.py", "# codemod: skip-file\nimport os\n\nUSER = os.getenv(\"USER\")\n");

        // When previewing as JSON
        var result = await CliHarness.RunAsync(dir.Path, "preview", "env-to-isolated", ".", "--format", "json");

        // Then the ignored site is in a.py's suppressed list, with its reason, and counted
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.StdoutBytes);
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("totals").GetProperty("suppressed").GetInt32());
        Assert.Equal(1, root.GetProperty("totals").GetProperty("changes").GetInt32());
        var a = root.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("path").GetString() == "a.py");
        var site = Assert.Single(a.GetProperty("suppressed").EnumerateArray());
        Assert.Equal(3, site.GetProperty("line").GetInt32());
        Assert.Equal("environ-get", site.GetProperty("kind").GetString());
        Assert.Equal("comment", site.GetProperty("reason").GetString());

        // And b.py is skipped for its comment, with no suppressed list
        var b = root.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("path").GetString() == "b.py");
        Assert.Equal("skipped", b.GetProperty("outcome").GetString());
        Assert.Equal("skip-file comment", b.GetProperty("reason").GetString());
        Assert.False(b.TryGetProperty("suppressed", out _));

        // And the summary says so
        Assert.Contains(", 1 suppressed in ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_without_suppressions_writes_zero_and_no_per_file_list()
    {
        // Given a file with no suppression comment
        using var dir = new TempDirectory();
        dir.Write("a.py", "import os\n\nHOME = os.getenv(\"HOME\")\n");

        // When previewing as JSON
        var result = await CliHarness.RunAsync(dir.Path, "preview", "env-to-isolated", ".", "--format", "json");

        // Then totals.suppressed is 0, the file has no suppressed list and the summary does not mention it
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.StdoutBytes);
        Assert.Equal(0, json.RootElement.GetProperty("totals").GetProperty("suppressed").GetInt32());
        Assert.False(json.RootElement.GetProperty("files")[0].TryGetProperty("suppressed", out _));
        Assert.DoesNotContain("suppressed", result.Stderr, StringComparison.Ordinal);
    }
}
