using System.Text;
using System.Text.Json;
using Codemod.IntegrationTests.Git;
using Codemod.IntegrationTests.Infrastructure;

namespace Codemod.IntegrationTests.Cli;

/// <summary>
/// <c>--formatter</c> runs a formatter (stdin to stdout, no shell) on each changed file's new code before the compile
/// check; a formatter that refuses leaves the file unchanged and reported with its message. The formatter here is a
/// small script: ruff and black need not be installed.
/// </summary>
public sealed class FormatterTests
{
    private const string EnvRead = "import os\nTIMEOUT = os.environ.get('TIMEOUT', '30')\n";

    // Mode "quotes" turns single into double quotes (as black does); "refuse" fails like a formatter on code it cannot
    // parse; "break" returns code Python rejects.
    private const string Formatter = """
        import sys

        source = sys.stdin.read()
        mode = sys.argv[1]
        if mode == "refuse":
            sys.stderr.write("error: cannot format -: Cannot parse: 2:7: unexpected token\n")
            sys.exit(123)
        if mode == "break":
            source += "def (:\n"
        sys.stdout.write(source.replace("'", '"'))
        """;

    [Fact]
    public async Task Formatter_runs_on_changed_files_only_and_its_output_is_what_is_previewed()
    {
        // Given a file the codemod changes and one it parses but leaves alone
        using var dir = new TempDirectory();
        var formatter = dir.Write("tools/fmt.py", Formatter);
        dir.Write("src/a.py", EnvRead);
        dir.Write("src/b.py", "# reads environ elsewhere\nNAME = 'x'\n");

        // When previewing with the formatter
        var result = await CliHarness.RunAsync(dir.Path, "preview", "env-to-isolated", "src", "--formatter", $"python3 '{formatter}' quotes", "--format", "json");

        // Then the changed file's new code went through the formatter, and the unchanged one was not touched by it
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.StdoutBytes);
        var files = json.RootElement.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("path").GetString()!);
        Assert.Contains("+TIMEOUT = get_env().get(\"TIMEOUT\", \"30\")", files["a.py"].GetProperty("diff").GetString(), StringComparison.Ordinal);
        Assert.Equal("unchanged", files["b.py"].GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Formatter_that_refuses_leaves_the_file_unchanged_and_reports_its_message()
    {
        // Given a file the codemod changes, and a formatter that refuses it
        using var dir = new TempDirectory();
        var formatter = dir.Write("tools/fmt.py", Formatter);
        dir.Write("src/a.py", EnvRead);

        // When applying
        var result = await CliHarness.RunAsync(dir.Path, "apply", "env-to-isolated", "src", "--formatter", $"python3 {formatter} refuse");

        // Then the file failed with the formatter's own words and kept its bytes
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("failed a.py: formatter `python3 " + formatter + " refuse` exited with 123: error: cannot format -: Cannot parse: 2:7", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("the file was left unchanged", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(EnvRead, Encoding.UTF8.GetString(dir.Read("src/a.py")));
    }

    [Fact]
    public async Task Formatter_output_goes_through_the_compile_check()
    {
        using var dir = new TempDirectory();
        var formatter = dir.Write("tools/fmt.py", Formatter);
        dir.Write("src/a.py", EnvRead);

        var result = await CliHarness.RunAsync(dir.Path, "apply", "env-to-isolated", "src", "--formatter", $"python3 {formatter} break");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("failed a.py:", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("produced invalid code", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(EnvRead, Encoding.UTF8.GetString(dir.Read("src/a.py")));
    }

    [Fact]
    public async Task Formatter_that_is_not_installed_is_a_usage_error_before_any_file()
    {
        using var dir = new TempDirectory();
        dir.Write("src/a.py", EnvRead);

        var result = await CliHarness.RunAsync(dir.Path, "preview", "env-to-isolated", "src", "--formatter", "no-such-formatter-xyz -");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("codemod: error: formatter 'no-such-formatter-xyz' not found (is it installed and on PATH?)", result.Stderr.Trim());
    }

    [Fact]
    public async Task Plan_step_can_name_a_formatter()
    {
        // Given a repository and a plan whose step formats with the script
        using var repo = GitFixture.Create();
        using var scratch = new TempDirectory();
        var formatter = scratch.Write("fmt.py", Formatter);
        scratch.Write("plan.yaml", $"steps:\n  - codemod: env-to-isolated\n    paths: [pkg/a.py]\n    formatter: python3 {formatter} refuse\n");

        // When the plan runs
        var result = await CliHarness.RunAsync(repo.Path, "plan", scratch.Combine("plan.yaml"), "-j", "1");

        // Then the step failed on the formatter's refusal
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("exited with 123: error: cannot format -", result.Stderr, StringComparison.Ordinal);
    }
}
