using System.Text;
using Codemod.IntegrationTests.Infrastructure;

namespace Codemod.IntegrationTests.Cli;

/// <summary>A mistyped option is a usage error that names the option and its closest spelling, and nothing is written.</summary>
public sealed class UnknownOptionTests
{
    private const string EnvRead = "import os\nTIMEOUT = os.environ.get(\"TIMEOUT\", \"30\")\n";

    [Theory]
    [InlineData("--exlude", "tests/**", "did you mean --exclude?")]
    [InlineData("--comit", null, "did you mean --commit?")]
    [InlineData("--dry-run", null, "`codemod preview` is the dry run of apply")]
    public async Task Mistyped_option_on_apply_is_reported_as_unknown_with_a_hint_and_writes_nothing(string option, string? value, string hint)
    {
        // Given a file apply would rewrite
        using var dir = new TempDirectory();
        dir.Write("app.py", EnvRead);
        string[] args = value is null ? ["apply", "env-to-isolated", ".", option] : ["apply", "env-to-isolated", ".", option, value];

        // When apply runs with the mistyped option
        var result = await CliHarness.RunAsync(dir.Path, args);

        // Then it is a usage error naming the option, not a missing path, and the file is untouched
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"unknown option '{option}' for `codemod apply`: {hint}", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("does not exist", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(EnvRead, Encoding.UTF8.GetString(dir.Read("app.py")));
    }

    [Fact]
    public async Task Mistyped_option_after_an_option_that_takes_values_is_not_taken_as_its_value()
    {
        using var dir = new TempDirectory();
        dir.Write("app.py", EnvRead);

        var result = await CliHarness.RunAsync(dir.Path, "preview", "env-to-isolated", ".", "--include", "--exlude", "tests/**");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("unknown option '--exlude' for `codemod preview`: did you mean --exclude?", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_option_of_a_command_without_paths_gets_the_same_hint()
    {
        using var dir = new TempDirectory();

        var result = await CliHarness.RunAsync(dir.Path, "list", "--formt", "json");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("unknown option '--formt' for `codemod list`: did you mean --format?", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Path_after_a_double_dash_may_start_with_a_dash()
    {
        // Given a file whose name starts with a dash
        using var dir = new TempDirectory();
        dir.Write("-odd.py", EnvRead);

        // When it is passed after --
        var result = await CliHarness.RunAsync(dir.Path, "preview", "env-to-isolated", "--root", ".", "--", "-odd.py");

        // Then it is a path, not an unknown option
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("1 changed", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Class_pattern_no_name_can_match_exits_two_with_the_reason()
    {
        using var dir = new TempDirectory();
        dir.Write("a.py", "class A: pass\n");

        var result = await CliHarness.RunAsync(dir.Path, "mro", "[", ".");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("invalid class pattern '[': '[' cannot occur in a class or module name", result.Stderr, StringComparison.Ordinal);
    }
}
