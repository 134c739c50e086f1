using Codemod.Cli.Options;
using Codemod.Cli.Rendering;
using Codemod.Core.Progress;

namespace Codemod.Tests.Cli;

public sealed class ProgressTests
{
    [Theory]
    [InlineData(0, 300, 0)]
    [InlineData(14, 300, 0)]
    [InlineData(15, 300, 1)]
    [InlineData(299, 300, 19)]
    [InlineData(300, 300, 20)]
    [InlineData(1, 3, 6)]
    [InlineData(0, 0, 20)]
    public void Step_is_the_twentieths_done(int done, int total, int step) => Assert.Equal(step, ProgressText.Step(done, total));

    [Theory]
    [InlineData(0, "0:00")]
    [InlineData(28.5, "0:29")]
    [InlineData(605, "10:05")]
    [InlineData(3725, "1:02:05")]
    public void Durations_read_as_minutes_and_seconds(double seconds, string text) => Assert.Equal(text, ProgressText.Duration(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Rate_and_time_left_are_unknown_before_the_first_file()
    {
        var start = new ProgressSnapshot(0, 300, 0, 0, TimeSpan.FromSeconds(2));
        Assert.Equal("- files/s", ProgressText.Rate(start));
        Assert.Equal("ETA -:--", ProgressText.Eta(start));
    }

    [Fact]
    public void Rate_has_a_decimal_only_below_ten_files_a_second()
    {
        Assert.Equal("7.5 files/s", ProgressText.Rate(new ProgressSnapshot(15, 300, 0, 0, TimeSpan.FromSeconds(2))));
        Assert.Equal("35 files/s", ProgressText.Rate(new ProgressSnapshot(70, 300, 0, 0, TimeSpan.FromSeconds(2))));
    }

    [Fact]
    public void A_long_path_keeps_its_file_name() => Assert.Equal("…/deep/module.py", ProgressText.Fit("pkg/very/deep/module.py", 16));

    [Fact]
    public void Plain_progress_writes_one_line_per_five_percent()
    {
        var clock = new StepClock();
        var error = new StringWriter();
        var progress = new PlainProgress(error, "preview env-to-isolated", countsChanges: true, clock);
        progress.Begin(300, 2);
        for (var i = 0; i < 300; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(100));
            progress.Started(0, $"pkg/mod_{i}.py");
            progress.Finished(0, $"pkg/mod_{i}.py", i % 100 == 0 ? FileProgressKind.Failed : FileProgressKind.Changed);
        }

        progress.End();
        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(20, lines.Length);
        Assert.Equal("preview env-to-isolated: 15/300 files (5%), 10 files/s, ETA 0:29, 14 changed, 1 failed", lines[0]);
        Assert.Equal("preview env-to-isolated: 300/300 files (100%), 10 files/s, ETA 0:00, 297 changed, 3 failed", lines[^1]);
    }

    [Fact]
    public void Plain_progress_of_a_scan_counts_no_changes()
    {
        var error = new StringWriter();
        var progress = new PlainProgress(error, "scan", countsChanges: false, new StepClock());
        progress.Begin(1, 1);
        progress.Finished(0, "a.py", FileProgressKind.Done);
        Assert.Equal("scan: 1/1 files (100%), - files/s, ETA -:--, 0 failed", error.ToString().TrimEnd());
    }

    [Fact]
    public void Plain_progress_from_many_tasks_still_writes_each_step_once_in_order()
    {
        var error = new StringWriter();
        var progress = new PlainProgress(error, "scan", countsChanges: false, TimeProvider.System);
        progress.Begin(6000, 8);
        Parallel.For(0, 6000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => progress.Finished(i % 8, "a.py", FileProgressKind.Done));
        var percents = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => int.Parse(l[(l.IndexOf('(', StringComparison.Ordinal) + 1)..l.IndexOf('%', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        Assert.Equal(20, percents.Count);
        Assert.Equal(percents.Order(), percents);
        Assert.Equal(100, percents[^1]);
    }

    [Fact]
    public void State_shows_a_file_in_flight_until_it_is_done()
    {
        var state = new ProgressState(2, 2, TimeProvider.System);
        state.Started(1, "pkg/a.py");
        Assert.Equal("pkg/a.py", state.InFlight(1));
        Assert.Null(state.InFlight(0));
        Assert.Equal(1, state.Finished(1, FileProgressKind.Changed));
        Assert.Null(state.InFlight(1));
        var snapshot = state.Snapshot();
        Assert.Equal((1, 2, 1, 0), (snapshot.Done, snapshot.Total, snapshot.Changed, snapshot.Failed));
    }

    [Fact]
    public void Slots_in_use_at_once_are_distinct()
    {
        var slots = new ProgressSlots(3);
        var taken = new[] { slots.Take(), slots.Take(), slots.Take() };
        Assert.Equal([0, 1, 2], taken.Order());
        slots.Return(1);
        Assert.Equal(1, slots.Take());
    }

    [Fact]
    public void Live_on_a_colour_terminal() =>
        Assert.Equal(ProgressMode.Live, ProgressDisplay.Mode(Terminal(), new Paint(true), machineOutput: false));

    [Fact]
    public void Nothing_when_stderr_is_redirected() =>
        Assert.Equal(ProgressMode.Off, ProgressDisplay.Mode(Terminal() with { ErrorRedirected = true }, new Paint(true), machineOutput: false));

    [Fact]
    public void Nothing_under_json_output() =>
        Assert.Equal(ProgressMode.Off, ProgressDisplay.Mode(Terminal(), new Paint(true), machineOutput: true));

    [Fact]
    public void Plain_lines_on_a_terminal_without_colour() =>
        Assert.Equal(ProgressMode.Plain, ProgressDisplay.Mode(Terminal() with { NoColor = true }, new Paint(false), machineOutput: false));

    [Fact]
    public void Plain_lines_on_a_dumb_terminal() =>
        Assert.Equal(ProgressMode.Plain, ProgressDisplay.Mode(Terminal() with { Term = "dumb" }, new Paint(true), machineOutput: false));

    private static EnvironmentSnapshot Terminal() =>
        new(NoColor: false, Python: null, CurrentDirectory: "/", OutputRedirected: false, ErrorRedirected: false) { Term = "xterm-256color" };

    /// <summary>A clock that moves only when told.</summary>
    private sealed class StepClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
