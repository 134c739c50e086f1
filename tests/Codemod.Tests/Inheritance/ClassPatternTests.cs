using Codemod.Cli;
using Codemod.Core.Inheritance;
using Codemod.Core.Settings;

namespace Codemod.Tests.Inheritance;

public sealed class ClassPatternTests
{
    [Theory]
    [InlineData("[", "'[' cannot occur")]
    [InlineData("Web[Socket]Manager", "'[' cannot occur")]
    [InlineData("pkg..Manager", "empty name between dots")]
    [InlineData("My Class", "' ' cannot occur")]
    public void Pattern_that_no_class_name_can_match_is_a_usage_error_with_the_reason(string text, string reason)
    {
        var error = Assert.Throws<UserError>(() => ClassPattern.Parse(text));
        Assert.Contains($"invalid class pattern '{text}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.UsageError, ExitCodes.For(error));
    }

    [Theory]
    [InlineData("*WebSocketManager")]
    [InlineData("netra_backend.app.*.WebSocket?anager")]
    [InlineData("Ünicode_Klasse2")]
    public void Names_with_wildcards_are_valid_patterns(string text) => Assert.Equal(text, ClassPattern.Parse(text).Text);
}
