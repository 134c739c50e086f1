using Codemod.Cli.Options;
using Codemod.Core.Settings;

namespace Codemod.Tests.Cli;

public sealed class CommandSplitterTests
{
    [Theory]
    [InlineData("ruff format -", new[] { "ruff", "format", "-" })]
    [InlineData("  black   -q  - ", new[] { "black", "-q", "-" })]
    [InlineData("fmt --config 'my style.toml' -", new[] { "fmt", "--config", "my style.toml", "-" })]
    [InlineData("fmt \"a \\\"b\\\"\" c\\ d", new[] { "fmt", "a \"b\"", "c d" })]
    [InlineData("fmt ''", new[] { "fmt", "" })]
    public void Command_is_split_into_words_like_a_shell_would_without_running_one(string command, string[] expected) =>
        Assert.Equal(expected, CommandSplitter.Split(command, "--formatter"));

    [Fact]
    public void Shell_syntax_stays_literal_words() =>
        Assert.Equal(["fmt", "|", "rm", "-rf", "$HOME"], CommandSplitter.Split("fmt | rm -rf $HOME", "--formatter"));

    [Theory]
    [InlineData("fmt 'open", "unclosed ' quote")]
    [InlineData("   ", "is empty")]
    public void Unusable_command_is_a_usage_error(string command, string reason)
    {
        var error = Assert.Throws<UserError>(() => CommandSplitter.Split(command, "--formatter"));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }
}
