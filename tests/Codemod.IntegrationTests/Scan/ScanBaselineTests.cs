using Codemod.IntegrationTests.Infrastructure;

namespace Codemod.IntegrationTests.Scan;

/// <summary>The ratchet: --write-baseline records a scan, --baseline compares with it and exits 3 when a rule went up.</summary>
public sealed class ScanBaselineTests : IDisposable
{
    private const string TwoAccesses = "import os\n\nA = os.environ.get(\"A\")\nB = os.getenv(\"B\")\n";
    private readonly TempDirectory _project = new();

    public ScanBaselineTests()
    {
        _project.Write("app/settings.py", TwoAccesses);
    }

    private Task<CliHarness.CliResult> ScanAsync(params string[] extra) => CliHarness.RunAsync(_project.Path, ["scan", ".", "--format", "json", .. extra]);

    private async Task RecordBaselineAsync()
    {
        var recorded = await ScanAsync("--write-baseline", "baseline.json");
        Assert.Equal(0, recorded.ExitCode);
    }

    [Fact]
    public async Task Written_baseline_is_the_json_report()
    {
        // When a scan records its baseline
        await RecordBaselineAsync();

        // Then the file holds the same document stdout got
        var again = await ScanAsync();
        Assert.Equal(again.Stdout, File.ReadAllText(_project.Combine("baseline.json")));
    }

    [Fact]
    public async Task Unchanged_counts_pass_the_ratchet()
    {
        await RecordBaselineAsync();

        var result = await ScanAsync("--baseline", "baseline.json");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("ratchet: no rule went up", result.Stderr);
        Assert.Matches(@"env-access\s+2\s+2\s+0", result.Stderr);
    }

    [Fact]
    public async Task A_rule_that_went_up_exits_three_and_names_the_rule()
    {
        // Given a baseline with two accesses, then a third access added
        await RecordBaselineAsync();
        _project.Write("app/settings.py", TwoAccesses + "C = os.environ[\"C\"]\n");

        // When scanned against the baseline
        var result = await ScanAsync("--baseline", "baseline.json");

        // Then the burn-down shows 2 → 3 and the exit code is 3
        Assert.Equal(3, result.ExitCode);
        Assert.Matches(@"env-access\s+2\s+3\s+\+1", result.Stderr);
        Assert.Contains("ratchet: env-access went up 2 → 3", result.Stderr);
    }

    [Fact]
    public async Task A_rule_that_went_down_passes_with_a_negative_delta()
    {
        await RecordBaselineAsync();
        _project.Write("app/settings.py", "import os\n\nA = os.environ.get(\"A\")\n");

        var result = await ScanAsync("--baseline", "baseline.json");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"env-access\s+2\s+1\s+-1", result.Stderr);
    }

    [Fact]
    public async Task Missing_baseline_is_a_one_line_usage_error()
    {
        var result = await ScanAsync("--baseline", "nowhere.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("codemod: error: baseline 'nowhere.json' does not exist: create it with `codemod scan --write-baseline nowhere.json`", result.Stderr.Trim());
        Assert.Empty(result.StdoutBytes);
    }

    [Theory]
    [InlineData("{\"schemaVersion\": 1, \"command\": \"preview\", \"files\": []}")]
    [InlineData("{\"totals\": {\"env-access\": 3}}")]
    [InlineData("not json at all")]
    [InlineData("{\"schemaVersion\": 1, \"command\": \"scan\", \"totals\": {\"env-access\": \"three\"}}")]
    public async Task Baseline_that_is_not_a_scan_report_is_a_one_line_usage_error(string content)
    {
        _project.Write("other.json", content);

        var result = await ScanAsync("--baseline", "other.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Stderr.Trim().Split('\n'));
        Assert.Contains("is not a codemod scan JSON report", result.Stderr);
    }

    public void Dispose() => _project.Dispose();
}
