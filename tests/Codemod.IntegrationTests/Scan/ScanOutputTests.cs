using System.Text.Json;
using Codemod.IntegrationTests.Infrastructure;

namespace Codemod.IntegrationTests.Scan;

/// <summary>The human formats, --output, files that are never read, and options the scan refuses.</summary>
public sealed class ScanOutputTests : IDisposable
{
    private readonly TempDirectory _project = new();

    public ScanOutputTests()
    {
        _project.CopyFrom(ScanFixtureRuns.FixtureFolder("duplicate-class-name"));
        _project.Write("netra_backend/app/config.py", "import os\n\nURL = os.environ.get(\"URL\")\n");
    }

    [Fact]
    public async Task Default_table_shows_counts_per_rule_per_package_and_the_worst_files()
    {
        var result = await CliHarness.RunAsync(_project.Path, "scan", ".", "--today", "2026-01-01");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("findings by rule", result.Stdout);
        Assert.Contains("by top-level package", result.Stdout);
        Assert.Contains("worst", result.Stdout);
        Assert.Matches(@"duplicate-class-name\s+│\s+warning\s+│\s+2", result.Stdout);
        Assert.Contains("netra_backend/app/config.py", result.Stdout);
        Assert.DoesNotContain("\u001b[", result.Stdout);
        Assert.Contains("scan: 4 files, 5 findings, 0 failed, 0 skipped", result.Stderr);
    }

    [Fact]
    public async Task Markdown_report_goes_to_the_output_file_and_nothing_to_stdout()
    {
        var result = await CliHarness.RunAsync(_project.Path, "scan", ".", "--format", "markdown", "--output", "report.md", "--today", "2026-01-01");

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.StdoutBytes);
        var markdown = File.ReadAllText(_project.Combine("report.md"));
        Assert.StartsWith("# SSOT scan report\n", markdown);
        Assert.Contains("## Top offenders", markdown);
        Assert.Contains("## By top-level package", markdown);
        Assert.Contains("| `netra_backend` | 3 |", markdown);
        Assert.Contains("- `duplicate-class-name:SessionManager` (2): `auth_service/auth_core/session_manager.py:7`, `netra_backend/app/services/session_manager.py:7`", markdown);
    }

    [Fact]
    public async Task Files_that_are_never_read_are_listed_as_skipped_with_their_reason()
    {
        // Given a file over the size limit, a binary file and a symbolic link, all named *.py
        _project.Write("app/huge.py", new string('#', 5000));
        _project.Write("app/blob.py", [0x78, 0x00, 0x79]);
        File.CreateSymbolicLink(_project.Combine("app/link.py"), _project.Combine("netra_backend/app/config.py"));

        // When scanned with a 4,000-byte limit
        var result = await CliHarness.RunAsync(_project.Path, "scan", ".", "--format", "json", "--max-file-size", "4000");

        // Then each is skipped with its reason and the run still succeeds
        var skipped = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("skipped").EnumerateArray()
            .ToDictionary(s => s.GetProperty("path").GetString()!, s => s.GetProperty("reason").GetString()!);
        Assert.Equal(["app/blob.py", "app/huge.py", "app/link.py"], skipped.Keys);
        Assert.StartsWith("binary", skipped["app/blob.py"]);
        Assert.StartsWith("too large", skipped["app/huge.py"]);
        Assert.StartsWith("symbolic link", skipped["app/link.py"]);
        Assert.Equal(0, result.ExitCode);
    }

    [Theory]
    [InlineData("--arg", "module=x")]
    [InlineData("--shard", "1/2")]
    [InlineData("--today", "01/02/2026")]
    public async Task Options_the_scan_cannot_honour_are_usage_errors(string option, string value)
    {
        var result = await CliHarness.RunAsync(_project.Path, "scan", ".", option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("codemod: error: ", result.Stderr);
    }

    public void Dispose() => _project.Dispose();
}
