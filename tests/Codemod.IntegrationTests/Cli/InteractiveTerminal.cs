using System.Diagnostics;
using System.Globalization;
using Codemod.IntegrationTests.Infrastructure;

namespace Codemod.IntegrationTests.Cli;

/// <summary>
/// The real CLI in a real pseudo-terminal: a detached tmux session (its own server socket, 160x50) runs
/// <c>dotnet codemod.dll</c>; keys go in with <c>send-keys</c>, what a person sees comes out with <c>capture-pane</c>.
/// </summary>
internal sealed class InteractiveTerminal : IDisposable
{
    private readonly string _socket = "codemod-test-" + Guid.NewGuid().ToString("N")[..12];
    private readonly TempDirectory _scratch = new();

    private InteractiveTerminal()
    {
    }

    public static bool Available { get; } = Tmux("-V").ExitCode == 0;

    private string ExitFile => _scratch.Combine("exit-code");

    /// <summary>Starts <c>codemod ARGS</c> in <paramref name="workingDirectory"/> (colour off, so the pane is plain text).</summary>
    public static InteractiveTerminal Start(string workingDirectory, params string[] args) => Start(workingDirectory, new Dictionary<string, string>(), args);

    /// <summary>As <see cref="Start(string, string[])"/>, with <paramref name="environment"/> set for the command.</summary>
    public static InteractiveTerminal Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var terminal = new InteractiveTerminal();
        var dll = Path.Combine(AppContext.BaseDirectory, "codemod.dll");
        var command = $"unset CODEMOD_TEST_PHASE; cd {Quote(workingDirectory)} && {string.Concat(environment.Select(e => $"{e.Key}={Quote(e.Value)} "))}NO_COLOR=1 dotnet {Quote(dll)} {string.Join(' ', args.Select(Quote))}; echo $? > {Quote(terminal.ExitFile)}; sleep 600";
        var started = Tmux("-L", terminal._socket, "new-session", "-d", "-x", "160", "-y", "50", command);
        Assert.True(started.ExitCode == 0, $"tmux did not start: {started.Output}");
        return terminal;
    }

    /// <summary>The visible pane, and its history, as text.</summary>
    public string Screen => Tmux("-L", _socket, "capture-pane", "-p", "-J", "-S", "-2000").Output;

    /// <summary>Waits until the pane shows <paramref name="text"/> <paramref name="times"/> times (a prompt appears once per site).</summary>
    public async Task WaitForAsync(string text, int times = 1, int seconds = 180)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (Occurrences(Screen, text) < times)
        {
            if (DateTime.UtcNow > until || File.Exists(ExitFile))
            {
                throw new TimeoutException($"'{text}' (x{times}) never appeared; the screen:\n{Screen}");
            }

            await Task.Delay(100);
        }
    }

    public void Send(string keys) => Tmux("-L", _socket, "send-keys", "-l", keys);

    /// <summary>Waits for the command to end and returns its exit code.</summary>
    public async Task<int> ExitCodeAsync(int seconds = 180)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (!File.Exists(ExitFile) || new FileInfo(ExitFile).Length == 0)
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"the command did not end; the screen:\n{Screen}");
            }

            await Task.Delay(100);
        }

        await Task.Delay(100);
        return int.Parse(File.ReadAllText(ExitFile).Trim(), CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        Tmux("-L", _socket, "kill-server");
        _scratch.Dispose();
    }

    private static int Occurrences(string text, string what) => text.Split(what).Length - 1;

    private static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static (int ExitCode, string Output) Tmux(params string[] args)
    {
        var info = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(info)!;
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            return (process.ExitCode, output.Result + error.Result);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (127, e.Message);
        }
    }
}

/// <summary>A test that needs tmux: skipped, saying so, where tmux is not installed.</summary>
internal sealed class TmuxFactAttribute : FactAttribute
{
    public TmuxFactAttribute()
    {
        if (!InteractiveTerminal.Available)
        {
            Skip = "tmux is not installed: the interactive apply tests drive the real CLI through a tmux pseudo-terminal (apt-get install tmux)";
        }
    }
}
