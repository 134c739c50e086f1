using Codemod.Cli.Options;
using Spectre.Console;

namespace Codemod.Cli.Rendering;

/// <summary>A Spectre console on stdout that wraps at the terminal's width, and never when stdout is a pipe or a file.</summary>
internal static class OutputConsole
{
    // Spectre wraps at 80 columns whenever it cannot ask a terminal (COLUMNS is not consulted); piped text is data for
    // grep and friends, so its lines must stay whole.
    private const int Unwrapped = 100_000;

    public static IAnsiConsole Create(TextWriter output, bool color, EnvironmentSnapshot environment)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = color ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = color ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
        });
        console.Profile.Width = environment is { OutputRedirected: false, TerminalWidth: { } width } ? width : Unwrapped;
        return console;
    }
}
