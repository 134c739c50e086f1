using System.Text;
using Codemod.IntegrationTests.Infrastructure;

namespace Codemod.IntegrationTests.Cli;

/// <summary>Bad input is one usage error before any file is processed, never a failure of every file.</summary>
public sealed class ArgumentValidationTests
{
    private const string EnvRead = "import os\nTIMEOUT = os.environ.get(\"TIMEOUT\", \"30\")\n";

    [Theory]
    [InlineData("preview")]
    [InlineData("apply")]
    public async Task Argument_the_codemod_rejects_is_one_usage_error_before_any_file_is_processed(string command)
    {
        // Given files the codemod would rewrite
        using var dir = new TempDirectory();
        dir.Write("a.py", EnvRead);
        dir.Write("b.py", EnvRead);

        // When the codemod gets a module argument that is not a module name
        var result = await CliHarness.RunAsync(dir.Path, command, "env-to-isolated", ".", "--arg", "module=not a module");

        // Then one line says why, with exit 2, no file was processed and nothing was written
        Assert.True(result.ExitCode == 2, result.ToString());
        var line = Assert.Single(result.Stderr.Trim().Split('\n'));
        Assert.StartsWith("codemod: error: invalid arguments for codemod 'env-to-isolated': ", line, StringComparison.Ordinal);
        Assert.Contains("module must be a dotted module name, got 'not a module'", line, StringComparison.Ordinal);
        Assert.Empty(result.StdoutBytes);
        Assert.Equal(EnvRead, Encoding.UTF8.GetString(dir.Read("a.py")));
    }

    [Fact]
    public async Task Baseline_that_is_a_folder_is_named_a_folder()
    {
        using var dir = new TempDirectory();
        dir.Write("a.py", EnvRead);
        Directory.CreateDirectory(dir.Combine("reports"));

        var result = await CliHarness.RunAsync(dir.Path, "scan", ".", "--baseline", "reports");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("codemod: error: baseline 'reports' is a folder: pass the JSON file `codemod scan --write-baseline FILE` wrote", result.Stderr.Trim());
    }
}
