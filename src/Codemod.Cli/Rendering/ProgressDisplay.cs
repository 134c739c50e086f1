using Codemod.Cli.Options;
using Codemod.Core.Progress;
using Spectre.Console;

namespace Codemod.Cli.Rendering;

/// <summary>
/// Decides whether and how a long command (preview, apply, plan, scan) shows progress on stderr, and makes the observer
/// the engine reports to. Live on a terminal; plain lines on a terminal without colour or with <c>TERM=dumb</c>;
/// nothing when stderr is redirected or the output is for machines.
/// </summary>
internal static class ProgressDisplay
{
    /// <summary>How long a run goes before the live display appears: a warm run that answers from the cache shows nothing.</summary>
    private static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(300);

    public static ProgressMode Mode(EnvironmentSnapshot environment, Paint stderr, bool machineOutput)
    {
        if (machineOutput || environment.ErrorRedirected)
        {
            return ProgressMode.Off;
        }

        return !stderr.Enabled || string.Equals(environment.Term, "dumb", StringComparison.Ordinal) ? ProgressMode.Plain : ProgressMode.Live;
    }

    /// <summary>The observer for one run; null when nothing is shown. <paramref name="countsChanges"/> is false for a scan.</summary>
    public static IFileProgress? Create(CliContext context, ProgressMode mode, string label, bool countsChanges) => mode switch
    {
        ProgressMode.Plain => new PlainProgress(context.Error, label, countsChanges, TimeProvider.System),
        ProgressMode.Live => new LiveProgress(ErrorConsole(context), label, countsChanges, Delay),
        _ => null,
    };

    private static IAnsiConsole ErrorConsole(CliContext context)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(context.Error),
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.Standard,
            Interactive = InteractionSupport.Yes,
        });
        console.Profile.Width = context.Environment.ErrorTerminalWidth ?? 80;
        return console;
    }
}
