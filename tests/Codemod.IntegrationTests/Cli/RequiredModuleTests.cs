using Codemod.IntegrationTests.Infrastructure;

namespace Codemod.IntegrationTests.Cli;

/// <summary>
/// Rewritten files import the accessor's module: when the project does not have it, apply warns once (not per file) with
/// the command that fixes it, and doctor reports it.
/// </summary>
public sealed class RequiredModuleTests
{
    private const string EnvRead = "import os\nTIMEOUT = os.environ.get(\"TIMEOUT\", \"30\")\n";

    [Fact]
    public async Task Apply_warns_once_when_the_accessor_module_is_missing_and_names_the_module_the_project_has()
    {
        // Given two rewritable files, and the environment module under another package than the default
        using var dir = new TempDirectory();
        dir.Write("svc/a.py", EnvRead);
        dir.Write("svc/b.py", EnvRead);
        dir.Write("platform_core/isolated_environment.py", "def get_env():\n    return None\n");

        // When applying with the default module
        var result = await CliHarness.RunAsync(dir.Path, "apply", "env-to-isolated", ".");

        // Then one warning says the changed files import a module the project lacks, and gives the one fixing command
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Single(result.Stderr.Split('\n'), l => l.StartsWith("warning: ", StringComparison.Ordinal));
        Assert.Contains(
            "warning: 2 changed file(s) now import get_env from shared.isolated_environment (--arg module), but the project has no shared/isolated_environment.py",
            result.Stderr, StringComparison.Ordinal);
        Assert.Contains(
            "The project has platform_core.isolated_environment; fix: codemod apply redirect-imports . --arg from=shared.isolated_environment.get_env --arg to=platform_core.isolated_environment.get_env",
            result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_without_any_such_module_says_to_create_it_or_pass_the_argument()
    {
        using var dir = new TempDirectory();
        dir.Write("a.py", EnvRead);

        var result = await CliHarness.RunAsync(dir.Path, "preview", "env-to-isolated", ".", "--arg", "module=platform.env");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("1 changed file(s) would import get_env from platform.env (--arg module), but the project has no platform/env.py", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Create it, or fix: run this again with --arg module=YOUR.MODULE", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_warning_when_the_module_exists()
    {
        using var dir = new TempDirectory();
        dir.Write("a.py", EnvRead);
        dir.Write("shared/isolated_environment.py", "def get_env():\n    return None\n");

        var result = await CliHarness.RunAsync(dir.Path, "apply", "env-to-isolated", ".");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("warning:", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_reports_the_missing_module_and_the_module_to_pass()
    {
        using var dir = new TempDirectory();
        dir.Write("platform_core/isolated_environment.py", "def get_env():\n    return None\n");

        var result = await CliHarness.RunAsync(dir.Path, "doctor");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("module for env-to-isolated", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("shared.isolated_environment (--arg module) is not under", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("pass --arg module=platform_core.isolated_environment", result.Stdout, StringComparison.Ordinal);
    }
}
