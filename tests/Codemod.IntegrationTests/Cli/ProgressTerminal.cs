using System.Diagnostics;
using Codemod.IntegrationTests.Infrastructure;

namespace Codemod.IntegrationTests.Cli;

/// <summary>
/// The real CLI (<c>dotnet codemod.dll</c>) in a 120×30 tmux pane on a server of its own: what a person sees is
/// <see cref="Capture"/> (the pane now) and <see cref="Log"/> (every byte the program wrote to the pane, through
/// <c>pipe-pane</c>, recorded from before the command starts).
/// </summary>
internal sealed class ProgressTerminal : IDisposable
{
    private readonly string _socket = "codemod-test-" + Guid.NewGuid().ToString("N")[..12];
    private readonly TempDirectory _files = new();

    private ProgressTerminal()
    {
    }

    /// <summary>Null when tmux can run here, else why not.</summary>
    public static string? Unavailable { get; } = Probe();

    /// <summary>Everything written to the pane so far.</summary>
    public string Log => File.Exists(_files.Combine("pane.log")) ? File.ReadAllText(_files.Combine("pane.log")) : string.Empty;

    /// <summary>What stdout received (redirected to a file, so data never scrolls the pane).</summary>
    public string Stdout => File.ReadAllText(_files.Combine("stdout"));

    /// <summary>What stderr received when it was redirected.</summary>
    public string Stderr => File.ReadAllText(_files.Combine("stderr"));

    /// <summary>
    /// Starts <c>codemod <paramref name="args"/></c> in <paramref name="workingDirectory"/> with stdout to a file and
    /// stderr on the pane (or in the file <c>stderr</c> with <paramref name="redirectStderr"/>); <paramref name="environment"/>
    /// is shell text run first (e.g. <c>export NO_COLOR=1</c>).
    /// </summary>
    public static ProgressTerminal Start(string workingDirectory, string environment, bool redirectStderr, params string[] args)
    {
        var terminal = new ProgressTerminal();
        var dll = Path.Combine(AppContext.BaseDirectory, "codemod.dll");
        var files = terminal._files;
        var command = string.Join(' ', new[] { "dotnet", dll }.Concat(args).Select(Quote));
        files.Write("run.sh", $"""
            while [ ! -f {Quote(files.Combine("go"))} ]; do sleep 0.05; done
            cd {Quote(workingDirectory)} || exit 1
            unset NO_COLOR CODEMOD_TEST_PHASE
            {environment}
            {command} > {Quote(files.Combine("stdout"))}{(redirectStderr ? $" 2> {Quote(files.Combine("stderr"))}" : string.Empty)}
            echo $? > {Quote(files.Combine("exit"))}
            sleep 600
            """);
        terminal.Tmux("new-session", "-d", "-s", "main", "-x", "120", "-y", "30", "sh " + Quote(files.Combine("run.sh")));
        terminal.Tmux("pipe-pane", "-t", "main", "-o", "cat >> " + Quote(files.Combine("pane.log")));
        files.Write("go", string.Empty);
        return terminal;
    }

    /// <summary>The pane as a person sees it now.</summary>
    public string Capture() => Tmux("capture-pane", "-p", "-t", "main");

    /// <summary>Waits for the command to end and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        var exit = _files.Combine("exit");
        while (!File.Exists(exit) || File.ReadAllText(exit).Trim().Length == 0)
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"the command did not end within {timeout}; the pane shows:\n{Capture()}");
            }

            await Task.Delay(100);
        }

        // pipe-pane's cat may still be copying the last bytes.
        await Task.Delay(300);
        return int.Parse(File.ReadAllText(exit).Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        Tmux("kill-server");
        _files.Dispose();
    }

    private static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private string Tmux(params string[] args) => Run(["-L", _socket, .. args]).Output;

    private static (int Code, string Output) Run(params string[] args)
    {
        var info = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error);
    }

    private static string? Probe()
    {
        try
        {
            return Run("-V").Code == 0 ? null : "tmux -V failed";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "tmux is not installed (apt-get install tmux): the progress display is tested in a real terminal under tmux";
        }
    }
}
