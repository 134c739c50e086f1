using Codemod.IntegrationTests.Infrastructure;

namespace Codemod.IntegrationTests.Cli;

/// <summary>A bad configuration is one line naming the file, the key and the line; exit 2; no file is processed or written.</summary>
public sealed class ProjectConfigErrorTests
{
    private const string Rewritable = "import os\nTIMEOUT = os.environ.get(\"TIMEOUT\", \"30\")\n";

    [Theory]
    [InlineData("pyproject.toml", "[tool.codemod]\njobs = 2\njbos = 3\n", "pyproject.toml:3: unknown key 'jbos' in [tool.codemod]: did you mean 'jobs'?")]
    [InlineData("pyproject.toml", "[tool.codemod]\n\njobs = \"four\"\n", "pyproject.toml:3: 'jobs' must be a whole number of workers, at least 1")]
    [InlineData("pyproject.toml", "[tool.codemod]\ninclude = [1, 2]\n", "pyproject.toml:2: 'include' must be a glob or a list of globs")]
    [InlineData("pyproject.toml", "[tool.codemod]\ntimeout = = 3\n", "pyproject.toml:2: invalid TOML: ")]
    [InlineData("pyproject.toml", "[tool.codemod]\njobs = 2\njobs = 3\n", "pyproject.toml:3: invalid TOML: ")]
    [InlineData(".codemod.yaml", "jobs: 2\nexclud: ['tests/**']\n", ".codemod.yaml:2: unknown key 'exclud' in .codemod.yaml: did you mean 'exclude'?")]
    [InlineData(".codemod.yaml", "jobs: 2\ntimeout: soon\n", ".codemod.yaml:2: 'timeout' must be a positive number of seconds")]
    [InlineData(".codemod.yaml", "jobs: 2\ninclude: [a\n", ".codemod.yaml:")]
    [InlineData(".codemod.yaml", "a: &a [x]\nb: [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n", ".codemod.yaml:2: more than 20 YAML aliases")]
    [InlineData(".codemod.yaml", "env-to-isolated:\n  module: {a: 1}\n", ".codemod.yaml:2: argument 'module' of codemod 'env-to-isolated' must be a value or a list of values")]
    public async Task A_bad_configuration_is_one_line_with_file_and_line_exit_2_and_nothing_runs(string name, string text, string expected)
    {
        // Given a project with a rewritable file and a bad configuration
        using var dir = new TempDirectory();
        dir.Write("a.py", Rewritable);
        dir.Write(name, text);

        // When applying
        var result = await CliHarness.RunAsync(dir.Path, "apply", "env-to-isolated", ".");

        // Then one error line names file and line, exit 2, and the file is untouched
        Assert.True(result.ExitCode == 2, result.ToString());
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith($"codemod: error: {expected}", lines[0], StringComparison.Ordinal);
        Assert.Equal(Rewritable, System.Text.Encoding.UTF8.GetString(dir.Read("a.py")));
    }

    [Fact]
    public async Task A_codemod_section_with_an_unknown_parameter_names_the_line_and_the_closest_parameter()
    {
        // Given [tool.codemod.env-to-isolated] with a misspelt parameter on line 3
        using var dir = new TempDirectory();
        dir.Write("a.py", Rewritable);
        dir.Write("pyproject.toml", "[tool.codemod.env-to-isolated]\n\nmodul = \"platform.env\"\n");

        // When previewing
        var result = await CliHarness.RunAsync(dir.Path, "preview", "env-to-isolated", ".");

        // Then the error names the file and line and suggests the parameter; no diff is printed
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("codemod: error: pyproject.toml:3: codemod 'env-to-isolated' has no parameter 'modul': did you mean 'module'?", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.StdoutBytes);
    }

    [Fact]
    public async Task A_config_file_that_does_not_exist_is_a_usage_error()
    {
        // Given an empty project
        using var dir = new TempDirectory();

        // When naming a configuration that is not there
        var result = await CliHarness.RunAsync(dir.Path, "config", "--config", "missing.toml");

        // Then exit 2 with the name
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--config 'missing.toml' does not exist", result.Stderr, StringComparison.Ordinal);
    }
}
