using System.Text.RegularExpressions;
using Codemod.IntegrationTests.Infrastructure;

namespace Codemod.IntegrationTests.Cli;

/// <summary>
/// The progress display as a person sees it: the real CLI in a tmux pane, on a tree of small files with an
/// <c>os.environ</c> read each, one worker and no cache so the run takes seconds.
/// </summary>
[LongRunning]
public sealed partial class ProgressTerminalTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);
    private readonly TempDirectory _project = new();

    public void Dispose() => _project.Dispose();

    [ProgressTmuxFact]
    public async Task Live_display_shows_counts_rate_eta_and_the_files_in_flight_then_clears()
    {
        Tree(300);
        using var terminal = ProgressTerminal.Start(_project.Path, string.Empty, false, "preview", "env-to-isolated", ".", "-j", "1", "--no-cache");
        string? seen = null;
        var until = DateTime.UtcNow + Limit;
        while (seen is null && DateTime.UtcNow < until)
        {
            var pane = terminal.Capture();
            var counts = LiveLine().Match(pane);
            if (counts.Success && int.Parse(counts.Groups["done"].Value, System.Globalization.CultureInfo.InvariantCulture) is > 0 and < 300 && InFlight().IsMatch(pane))
            {
                seen = pane;
            }

            await Task.Delay(100);
        }

        Assert.True(seen is not null, $"no mid-run display with n/300 files, a rate, an ETA and a file in flight; the pane shows:\n{terminal.Capture()}\n--- log\n{terminal.Log}");
        Assert.Contains("preview env-to-isolated", seen);
        Assert.Equal(0, await terminal.WaitForExitAsync(Limit));
        var after = terminal.Capture();
        Assert.DoesNotContain("/300 files", after);
        Assert.Contains("300 changed", after);
    }

    [ProgressTmuxTheory]
    [InlineData("export NO_COLOR=1")]
    [InlineData("export TERM=dumb")]
    public async Task Without_colour_or_cursor_control_progress_is_one_plain_line_per_five_percent(string environment)
    {
        Tree(100);
        using var terminal = ProgressTerminal.Start(_project.Path, environment, false, "preview", "env-to-isolated", ".", "-j", "1", "--no-cache");
        Assert.Equal(0, await terminal.WaitForExitAsync(Limit));
        var log = terminal.Log;
        var lines = Ansi().Replace(log, string.Empty).Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Contains("/100 files", StringComparison.Ordinal)).ToList();
        Assert.Equal(20, lines.Count);
        Assert.All(lines, l => Assert.Matches(PlainLine(), l));
        Assert.StartsWith("preview env-to-isolated: 100/100 files (100%), ", lines[^1]);
        Assert.DoesNotContain("\u001b[?25l", log);
        Assert.DoesNotMatch(CursorUp(), log);
    }

    [ProgressTmuxFact]
    public async Task Scan_without_colour_counts_files_and_failures()
    {
        Tree(40);
        using var terminal = ProgressTerminal.Start(_project.Path, "export NO_COLOR=1", false, "scan", ".", "-j", "1", "--no-cache");
        await terminal.WaitForExitAsync(Limit);
        var lines = Ansi().Replace(terminal.Log, string.Empty).Split('\n').Where(l => l.StartsWith("scan: ", StringComparison.Ordinal) && l.Contains("/40 files", StringComparison.Ordinal)).ToList();
        Assert.Equal(20, lines.Count);
        Assert.StartsWith("scan: 40/40 files (100%), ", lines[^1]);
        Assert.EndsWith(", 0 failed", lines[^1].TrimEnd('\r'));
    }

    [ProgressTmuxFact]
    public async Task Nothing_of_it_when_stderr_is_redirected()
    {
        Tree(100);
        using var terminal = ProgressTerminal.Start(_project.Path, string.Empty, true, "preview", "env-to-isolated", ".", "-j", "1", "--no-cache");
        Assert.Equal(0, await terminal.WaitForExitAsync(Limit));
        Assert.Contains("100 changed", terminal.Stderr);
        Assert.DoesNotContain("files/s", terminal.Stderr);
        var stderr = Ansi().Replace(terminal.Stderr, match => match.Value is "\u001b[?1h" or "\u001b=" ? string.Empty : match.Value);
        Assert.False(stderr.Contains('\u001b', StringComparison.Ordinal), stderr.Replace("\u001b", "<ESC>", StringComparison.Ordinal));
        Assert.DoesNotContain("files/s", terminal.Log);
    }

    [ProgressTmuxFact]
    public async Task Nothing_of_it_under_json_output_even_on_a_terminal()
    {
        Tree(100);
        using var terminal = ProgressTerminal.Start(_project.Path, string.Empty, false, "preview", "env-to-isolated", ".", "-j", "1", "--no-cache", "--format", "json");
        Assert.Equal(0, await terminal.WaitForExitAsync(Limit));
        Assert.Contains("100 changed", Ansi().Replace(terminal.Log, string.Empty));
        Assert.DoesNotContain("files/s", terminal.Log);
        Assert.DoesNotContain("ETA", terminal.Log);
        Assert.StartsWith("{", terminal.Stdout.TrimStart());
    }

    private void Tree(int count)
    {
        for (var i = 1; i <= count; i++)
        {
            _project.Write($"pkg/mod_{i:000}.py", $"import os\n\n\ndef read_{i}():\n    return os.environ.get(\"KEY_{i}\")\n");
        }
    }

    [GeneratedRegex(@"(?<done>\d+)/300 files +[\d.]+ files/s +ETA \d+:\d\d +\d+ changed, 0 failed")]
    private static partial Regex LiveLine();

    [GeneratedRegex(@"pkg/mod_\d{3}\.py")]
    private static partial Regex InFlight();

    [GeneratedRegex(@"^preview env-to-isolated: \d+/100 files \(\d+%\), [\d.]+ files/s, ETA \d+:\d\d, \d+ changed, 0 failed$")]
    private static partial Regex PlainLine();

    // .NET itself switches the keypad mode (ESC[?1h ESC=) when stdin is a terminal.
    [GeneratedRegex(@"\u001b(\[[0-9;?]*[A-Za-z]|[=>])")]
    private static partial Regex Ansi();

    [GeneratedRegex(@"\u001b\[\d*A")]
    private static partial Regex CursorUp();
}
