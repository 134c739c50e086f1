using Codemod.Cli.Config;
using Codemod.Core.Settings;

namespace Codemod.Tests.Cli;

public sealed class ProjectConfigReaderTests
{
    private static ProjectConfig Toml(string text) =>
        ProjectConfigReader.Interpret(TomlConfigReader.Read(text, "pyproject.toml")!, new ProjectConfig("/p/pyproject.toml", "pyproject.toml"), "[tool.codemod]");

    private static ProjectConfig Yaml(string text) =>
        ProjectConfigReader.Interpret(YamlConfigReader.Read(text, ".codemod.yaml"), new ProjectConfig("/p/.codemod.yaml", ".codemod.yaml"), ".codemod.yaml");

    [Fact]
    public void Every_setting_is_read_with_its_line()
    {
        var config = Toml("[tool.codemod]\ninclude = [\"src/**/*.py\"]\nexclude = \"tests/**\"\njobs = 4\ntimeout = 30\npython = \".venv/bin/python\"\nformatter = \"ruff format -\"\ngenerated-marker = \"\"\ncache-dir = \"build/cache\"\n");

        Assert.Equal(["src/**/*.py"], config.Include!.Value);
        Assert.Equal(["tests/**"], config.Exclude!.Value);
        Assert.Equal((4, 4), (config.Jobs!.Value, config.Jobs.Line));
        Assert.Equal(30, config.Timeout!.Value);
        Assert.Equal("/p/.venv/bin/python", config.Python!.Value);
        Assert.Equal(["ruff", "format", "-"], config.Formatter!.Value);
        Assert.Equal(string.Empty, config.GeneratedMarker!.Value);
        Assert.Equal("/p/build/cache", config.CacheDirectory!.Value);
    }

    [Fact]
    public void A_bare_python_name_is_looked_up_on_path_not_next_to_the_file() =>
        Assert.Equal("python3.12", Yaml("python: python3.12\n").Python!.Value);

    [Fact]
    public void A_table_is_a_codemods_default_arguments_with_lists_as_repeated_values()
    {
        var config = Toml("[tool.codemod.env-to-isolated]\nmodule = \"platform.env\"\nallow = [\"a.py\", \"b.py\"]\ntemp-vars = 3\n");

        var arguments = config.Codemods["env-to-isolated"];
        Assert.Equal(["platform.env"], arguments["module"].Value);
        Assert.Equal(["a.py", "b.py"], arguments["allow"].Value);
        Assert.Equal(["3"], arguments["temp_vars"].Value);
        Assert.Equal(2, arguments["module"].Line);
    }

    [Fact]
    public void Yaml_and_toml_say_the_same_thing_the_same_way()
    {
        var yaml = Yaml("jobs: 4\nenv-to-isolated:\n  module: platform.env\n");

        Assert.Equal(4, yaml.Jobs!.Value);
        Assert.Equal(["platform.env"], yaml.Codemods["env-to-isolated"]["module"].Value);
        Assert.Equal(3, yaml.Codemods["env-to-isolated"]["module"].Line);
    }

    [Fact]
    public void A_pyproject_without_the_table_is_no_configuration() =>
        Assert.Null(TomlConfigReader.Read("[project]\nname = \"x\"\n[tool.ruff]\nline-length = 100\n", "pyproject.toml"));

    [Theory]
    [InlineData("[tool.codemod]\njob = 3\n", "pyproject.toml:2: unknown key 'job' in [tool.codemod]: did you mean 'jobs'?")]
    [InlineData("[tool.codemod]\njobs = 0\n", "pyproject.toml:2: 'jobs' must be a whole number")]
    [InlineData("[tool.codemod]\ntimeout = -1\n", "pyproject.toml:2: 'timeout' must be a positive number")]
    [InlineData("[tool.codemod]\nformatter = 3\n", "pyproject.toml:2: 'formatter' must be a command")]
    [InlineData("[tool.codemod]\n\n\nx = [\n", "pyproject.toml:")]
    public void Bad_toml_is_one_user_error_with_file_and_line(string text, string expected)
    {
        var error = Assert.Throws<UserError>(() => Toml(text));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_yaml_key_that_is_not_a_plain_value_is_refused() =>
        Assert.Contains("a key must be a plain value", Assert.Throws<UserError>(() => Yaml("? [a, b]\n: 1\n")).Message, StringComparison.Ordinal);

    [Fact]
    public void An_oversized_yaml_configuration_is_refused_before_parsing() =>
        Assert.Contains("limited to", Assert.Throws<UserError>(() => Yaml("jobs: 1\n" + new string('#', YamlConfigReader.MaxChars))).Message, StringComparison.Ordinal);
}
