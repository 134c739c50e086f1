using Codemod.Cli;
using Codemod.Cli.Options;
using Codemod.IntegrationTests.Infrastructure;

namespace Codemod.IntegrationTests.Cli;

/// <summary><c>codemod list</c> output piped to a file or a program keeps whole lines; on a terminal it wraps at the terminal's width.</summary>
public sealed class ListWidthTests
{
    private static readonly string LongDescription = "Rewrites " + string.Join(' ', Enumerable.Range(1, 40).Select(i => $"word{i}")) + " end.";

    [Fact]
    public async Task Piped_list_never_wraps_a_description()
    {
        // Given a codemod with a description far wider than 80 columns
        using var dir = new TempDirectory();
        var codemods = WriteCodemod(dir);

        // When listing with stdout redirected
        var result = await CliHarness.RunAsync(dir.Path, "list", "--codemods", codemods);

        // Then the description is one whole line
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("  " + LongDescription + "\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_on_a_terminal_wraps_at_the_terminal_width()
    {
        // Given the same codemod and a 60-column terminal
        using var dir = new TempDirectory();
        var codemods = WriteCodemod(dir);
        using var stdout = new MemoryStream();
        using var stderr = new StringWriter();
        var environment = new EnvironmentSnapshot(NoColor: true, Python: null, CurrentDirectory: dir.Path, OutputRedirected: false, ErrorRedirected: true) { TerminalWidth = 60 };

        // When listing
        var code = await CliApp.RunAsync(["list", "--codemods", codemods], new CliContext(stdout, stderr, environment));

        // Then no line is wider than the terminal, and the description was wrapped
        var lines = System.Text.Encoding.UTF8.GetString(stdout.ToArray()).Split('\n');
        Assert.Equal(0, code);
        Assert.All(lines, l => Assert.True(l.Length <= 60, l));
        Assert.Contains(lines, l => l.Contains("word40", StringComparison.Ordinal));
    }

    private static string WriteCodemod(TempDirectory dir)
    {
        dir.Write("codemods/wide_codemod.py", $$"""
            from libcst.codemod import VisitorBasedCodemodCommand


            class WideCommand(VisitorBasedCodemodCommand):
                NAME = "test-wide"
                DESCRIPTION = "{{LongDescription}}"
                VERSION = "0.1.0"
                PREFILTER = ()
            """);
        return dir.Combine("codemods");
    }
}
