using System.Text.Json;

namespace Codemod.IntegrationTests.Scan;

/// <summary>
/// The scan honours the codemods' comments (fixtures/scan/suppression, EXPECTED.md): <c># codemod: ignore</c> sets findings
/// apart and counts them, <c># codemod: skip-file</c> skips the file, a comment that suppresses nothing is a finding.
/// </summary>
public sealed class ScanSuppressionTests(ScanFixtureRuns runs) : IClassFixture<ScanFixtureRuns>
{
    [Fact]
    public async Task Suppressed_findings_are_left_out_and_counted_in_the_json_report()
    {
        // Given the suppression fixture: five env accesses, three under a comment that applies, one singleton under its codemod's name
        var scan = await runs.RunAsync("suppression");

        // Then only the unsuppressed accesses are findings, and suppressed counts them per rule
        Assert.Equal(["app/config.py:12:8", "app/config.py:14:7"], scan.Of("env-access").Select(f => f.Location));
        Assert.Empty(scan.Of("singleton"));
        var suppressed = scan.Document.GetProperty("suppressed");
        Assert.Equal(4, suppressed.GetProperty("total").GetInt32());
        Assert.Equal("""{"env-access":3,"singleton":1}""", JsonSerializer.Serialize(suppressed.GetProperty("rules")));
        Assert.Equal(2, scan.Document.GetProperty("totals").GetProperty("env-access").GetInt32());
    }

    [Fact]
    public async Task Comments_that_suppress_nothing_are_stale_suppression_findings()
    {
        var scan = await runs.RunAsync("suppression");

        // The comment naming another rule (line 12) and the bare one on a clean line (13); not the one naming
        // redirect-imports (line 5), whose sites the scan cannot see, nor the words inside a string (line 15)
        var stale = scan.Of("stale-suppression");
        Assert.Equal(["app/config.py:12", "app/config.py:13"], stale.Select(f => f.Location));
        Assert.Equal(["# codemod: ignore[singleton] suppresses nothing: remove it", "# codemod: ignore suppresses nothing: remove it"], stale.Select(f => f.Message));
        Assert.Equal(2, scan.Document.GetProperty("totals").GetProperty("stale-suppression").GetInt32());
    }

    [Fact]
    public async Task A_skip_file_comment_skips_the_file_with_that_reason()
    {
        var scan = await runs.RunAsync("suppression");

        var skipped = Assert.Single(scan.Document.GetProperty("skipped").EnumerateArray());
        Assert.Equal(("app/generated.py", "skip-file comment"), (skipped.GetProperty("path").GetString(), skipped.GetProperty("reason").GetString()));
        Assert.DoesNotContain(scan.Findings, f => f.Path == "app/generated.py");
    }

    [Fact]
    public async Task Sarif_lists_the_stale_rule_and_marks_suppressed_results_in_source()
    {
        using var sarif = JsonDocument.Parse((await runs.RunAsync("suppression")).Sarif);
        var run = sarif.RootElement.GetProperty("runs")[0];

        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        var stale = rules.Single(r => r.GetProperty("id").GetString() == "stale-suppression");
        Assert.Equal("note", stale.GetProperty("defaultConfiguration").GetProperty("level").GetString());
        var suppressed = run.GetProperty("results").EnumerateArray().Where(r => r.TryGetProperty("suppressions", out _)).ToList();
        Assert.Equal(4, suppressed.Count);
        Assert.All(suppressed, r => Assert.Equal("inSource", r.GetProperty("suppressions")[0].GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task The_table_summary_names_the_suppressed_count()
    {
        using var temp = new Infrastructure.TempDirectory();
        temp.CopyFrom(ScanFixtureRuns.FixtureFolder("suppression"));

        var result = await Infrastructure.CliHarness.RunAsync(temp.Path, "scan", ".");

        Assert.Contains("4 suppressed by # codemod: ignore", result.Stdout);
    }
}
