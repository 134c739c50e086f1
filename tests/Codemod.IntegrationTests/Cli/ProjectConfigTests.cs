using System.Text;
using System.Text.Json;
using Codemod.Cli;
using Codemod.Cli.Options;
using Codemod.IntegrationTests.Infrastructure;

namespace Codemod.IntegrationTests.Cli;

/// <summary>
/// The project configuration ([tool.codemod] in pyproject.toml, .codemod.yaml) through the real CLI: each layer of the
/// precedence (command line over environment over configuration over defaults), where it is found, and what a run gets.
/// </summary>
public sealed partial class ProjectConfigTests
{
    private const string Rewritable = "import os\nTIMEOUT = os.environ.get(\"TIMEOUT\", \"30\")\n";

    [Fact]
    public async Task A_configured_value_beats_the_default_and_says_its_file_and_line()
    {
        // Given a pyproject.toml whose [tool.codemod] sets jobs on line 5
        using var dir = new TempDirectory();
        dir.Write("pyproject.toml", "[project]\nname = \"x\"\n\n[tool.codemod]\njobs = 3\n");

        // When asking for the resolved settings
        var result = await CliHarness.RunAsync(dir.Path, "config", "--format", "json");

        // Then jobs is 3, from pyproject.toml:5, and timeout is the default
        Assert.True(result.ExitCode == 0, result.ToString());
        var jobs = Setting(result, "jobs");
        Assert.Equal(3, jobs.GetProperty("value").GetInt32());
        Assert.Equal("configuration", jobs.GetProperty("source").GetString());
        Assert.Equal("pyproject.toml:5", jobs.GetProperty("where").GetString());
        Assert.Equal("default", Setting(result, "timeout").GetProperty("source").GetString());
    }

    [Fact]
    public async Task The_command_line_beats_the_configuration()
    {
        // Given a configuration with jobs, include and timeout
        using var dir = new TempDirectory();
        dir.Write(".codemod.yaml", "jobs: 3\ninclude: ['pkg/**/*.py']\ntimeout: 12.5\n");

        // When the command line gives jobs and include
        var result = await CliHarness.RunAsync(dir.Path, "config", "--format", "json", "-j", "2", "--include", "other/*.py");

        // Then those come from the command line and timeout still from the file
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(2, Setting(result, "jobs").GetProperty("value").GetInt32());
        Assert.Equal("commandLine", Setting(result, "jobs").GetProperty("source").GetString());
        Assert.Equal("other/*.py", Setting(result, "include").GetProperty("value")[0].GetString());
        Assert.Equal(12.5, Setting(result, "timeout").GetProperty("value").GetDouble());
        Assert.Equal(".codemod.yaml:3", Setting(result, "timeout").GetProperty("where").GetString());
    }

    [Fact]
    public async Task The_environment_beats_the_configuration_and_the_command_line_beats_both()
    {
        // Given a configuration naming a python and a cache folder, and the environment naming others
        using var dir = new TempDirectory();
        dir.Write("pyproject.toml", "[tool.codemod]\npython = \"python-from-config\"\ncache-dir = \"cache-from-config\"\n");
        var environment = Environment(dir.Path) with { Python = "python-from-env", CacheDirectory = "/env/cache" };

        // When asking with and without --python
        var fromEnvironment = await RunAsync(dir.Path, environment, "config", "--format", "json");
        var fromCommandLine = await RunAsync(dir.Path, environment, "config", "--format", "json", "--python", "python-from-cli");
        var configOnly = await RunAsync(dir.Path, Environment(dir.Path), "config", "--format", "json");

        // Then the environment wins over the file, --python over both; without the environment the file's values count
        Assert.Equal("python-from-env", Setting(fromEnvironment, "python").GetProperty("value").GetString());
        Assert.Equal("$CODEMOD_PYTHON", Setting(fromEnvironment, "python").GetProperty("where").GetString());
        Assert.Equal("/env/cache", Setting(fromEnvironment, "cache-dir").GetProperty("value").GetString());
        Assert.Equal("python-from-cli", Setting(fromCommandLine, "python").GetProperty("value").GetString());
        Assert.Equal("python-from-config", Setting(configOnly, "python").GetProperty("value").GetString());
        Assert.Equal(Path.Combine(dir.Path, "cache-from-config"), Setting(configOnly, "cache-dir").GetProperty("value").GetString());
        Assert.Equal("pyproject.toml:3", Setting(configOnly, "cache-dir").GetProperty("where").GetString());
    }

    [Fact]
    public async Task Configured_include_and_exclude_choose_the_files_a_preview_processes()
    {
        // Given two rewritable files and a configuration that includes only pkg/ and excludes pkg/skip.py
        using var dir = new TempDirectory();
        dir.Write("pkg/a.py", Rewritable);
        dir.Write("pkg/skip.py", Rewritable);
        dir.Write("other/b.py", Rewritable);
        dir.Write("pyproject.toml", "[tool.codemod]\ninclude = [\"pkg/**/*.py\"]\nexclude = \"pkg/skip.py\"\n");

        // When previewing as JSON, with the configuration and with --include on top
        var configured = await CliHarness.RunAsync(dir.Path, "preview", "env-to-isolated", "--format", "json");
        var overridden = await CliHarness.RunAsync(dir.Path, "preview", "env-to-isolated", "--format", "json", "--include", "other/*.py");

        // Then the configuration decides the files, and --include replaces its include (its exclude still holds)
        Assert.True(configured.ExitCode == 0, configured.ToString());
        Assert.Equal(["pkg/a.py"], ChangedFiles(configured));
        Assert.Equal(["other/b.py"], ChangedFiles(overridden));
    }

    [Fact]
    public async Task Per_codemod_arguments_reach_the_codemod_and_arg_overrides_them()
    {
        // Given [tool.codemod.env-to-isolated] module = "platform.env"
        using var dir = new TempDirectory();
        dir.Write("a.py", Rewritable);
        dir.Write("pyproject.toml", "[tool.codemod.env-to-isolated]\nmodule = \"platform.env\"\n");

        // When previewing without and with --arg module=...
        var configured = await CliHarness.RunAsync(dir.Path, "preview", "env-to-isolated", ".");
        var overridden = await CliHarness.RunAsync(dir.Path, "preview", "env-to-isolated", ".", "--arg", "module=cli.env");
        var ignored = await CliHarness.RunAsync(dir.Path, "preview", "env-to-isolated", ".", "--no-config");

        // Then the diff imports from the configured module, from the --arg one, or from the default without the configuration
        Assert.True(configured.ExitCode == 0, configured.ToString());
        Assert.Contains("+from platform.env import get_env", configured.Stdout, StringComparison.Ordinal);
        Assert.Contains("+from cli.env import get_env", overridden.Stdout, StringComparison.Ordinal);
        Assert.Contains("+from shared.isolated_environment import get_env", ignored.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_list_value_is_a_repeated_arg()
    {
        // Given a YAML configuration giving env-to-isolated two allowed files as a list
        using var dir = new TempDirectory();
        dir.Write("a.py", Rewritable);
        dir.Write("b.py", Rewritable);
        dir.Write("c.py", Rewritable);
        dir.Write(".codemod.yaml", "env-to-isolated:\n  allow: [a.py, b.py]\n");

        // When previewing as JSON
        var result = await CliHarness.RunAsync(dir.Path, "preview", "env-to-isolated", ".", "--format", "json");

        // Then both allowed files are left alone and the run's arguments show the list
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["c.py"], ChangedFiles(result));
        using var json = JsonDocument.Parse(result.StdoutBytes);
        Assert.Equal(["a.py", "b.py"], json.RootElement.GetProperty("arguments").GetProperty("allow").EnumerateArray().Select(e => e.GetString()!));
    }

    [Fact]
    public async Task The_configuration_is_found_by_walking_up_from_the_root_and_not_past_the_repository()
    {
        // Given a configuration above a repository, and the repository's own one at its top folder
        using var dir = new TempDirectory();
        dir.Write("pyproject.toml", "[tool.codemod]\njobs = 7\n");
        Directory.CreateDirectory(dir.Combine("repo/.git"));
        dir.Write("repo/src/pkg/a.py", Rewritable);
        dir.Write("repo/.codemod.yaml", "jobs: 2\n");
        Directory.CreateDirectory(dir.Combine("other/.git"));
        dir.Write("other/src/b.py", Rewritable);

        // When asking from a folder deep inside each repository
        var inside = await CliHarness.RunAsync(dir.Path, "config", "repo/src/pkg", "--format", "json");
        var bounded = await CliHarness.RunAsync(dir.Path, "config", "other/src", "--format", "json");

        // Then the repository's configuration is found from below it, and none is taken from above a .git folder
        Assert.Equal(2, Setting(inside, "jobs").GetProperty("value").GetInt32());
        Assert.Equal(Path.Combine(dir.Path, "repo", ".codemod.yaml"), Config(inside));
        Assert.Equal("default", Setting(bounded, "jobs").GetProperty("source").GetString());
        Assert.Null(Config(bounded));
    }

    [Fact]
    public async Task Config_names_a_file_and_no_config_ignores_the_one_found()
    {
        // Given a pyproject.toml in the project and another configuration elsewhere
        using var dir = new TempDirectory();
        dir.Write("project/pyproject.toml", "[tool.codemod]\njobs = 3\n");
        dir.Write("shared/team.yaml", "jobs: 5\n");

        // When running with --config, with --no-config, and with both
        var named = await CliHarness.RunAsync(dir.Combine("project"), "config", "--format", "json", "--config", "../shared/team.yaml");
        var ignored = await CliHarness.RunAsync(dir.Combine("project"), "config", "--format", "json", "--no-config");
        var both = await CliHarness.RunAsync(dir.Combine("project"), "config", "--config", "../shared/team.yaml", "--no-config");

        // Then --config's file counts, --no-config leaves the defaults, and both together are a usage error
        Assert.Equal(5, Setting(named, "jobs").GetProperty("value").GetInt32());
        Assert.Equal("../shared/team.yaml:1", Setting(named, "jobs").GetProperty("where").GetString());
        Assert.Equal("default", Setting(ignored, "jobs").GetProperty("source").GetString());
        Assert.Equal(2, both.ExitCode);
        Assert.Contains("--config and --no-config", both.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_prints_a_table_of_each_setting_its_value_and_source()
    {
        // Given a configuration with jobs and a codemod section
        using var dir = new TempDirectory();
        dir.Write("pyproject.toml", "[tool.codemod]\njobs = 3\n\n[tool.codemod.env-to-isolated]\nmodule = \"platform.env\"\n");

        // When printing the settings as text, with --timeout on the command line
        var result = await CliHarness.RunAsync(dir.Path, "config", "--timeout", "30");

        // Then the first line names the file and each row shows value and source
        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Stdout.Split('\n');
        Assert.Equal("configuration: pyproject.toml", lines[0]);
        Assert.Matches(@"^SETTING\s+VALUE\s+SOURCE$", lines[1]);
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^jobs\s+3\s+pyproject\.toml:2$"));
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^timeout\s+30\s+command line \(--timeout\)$"));
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^env-to-isolated\.module\s+platform\.env\s+pyproject\.toml:5$"));
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^include\s+\*\*/\*\.py\s+default$"));
    }

    private static JsonElement Setting(CliHarness.CliResult result, string name)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.StdoutBytes);
        return json.RootElement.GetProperty("settings").EnumerateArray().Single(s => s.GetProperty("name").GetString() == name).Clone();
    }

    private static string? Config(CliHarness.CliResult result)
    {
        using var json = JsonDocument.Parse(result.StdoutBytes);
        return json.RootElement.GetProperty("configFile").GetString();
    }

    private static List<string> ChangedFiles(CliHarness.CliResult result)
    {
        using var json = JsonDocument.Parse(result.StdoutBytes);
        return [.. json.RootElement.GetProperty("files").EnumerateArray().Where(f => f.GetProperty("outcome").GetString() == "changed").Select(f => f.GetProperty("path").GetString()!)];
    }

    private static EnvironmentSnapshot Environment(string directory) =>
        new(NoColor: true, Python: null, CurrentDirectory: directory, OutputRedirected: true, ErrorRedirected: true);

    private static async Task<CliHarness.CliResult> RunAsync(string directory, EnvironmentSnapshot environment, params string[] args)
    {
        using var stdout = new MemoryStream();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, new CliContext(stdout, stderr, environment with { CurrentDirectory = directory }));
        return new CliHarness.CliResult(code, stdout.ToArray(), stderr.ToString());
    }
}
