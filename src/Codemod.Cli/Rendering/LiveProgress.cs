using Codemod.Core.Progress;
using Spectre.Console;

namespace Codemod.Cli.Rendering;

/// <summary>
/// The live display on a terminal's stderr: a bar with files done / total, files per second, time left and the counts
/// so far, and below it the file each task has at a worker. The pipeline's tasks only bump counters
/// (<see cref="ProgressState"/>); a thread of its own draws on Spectre's refresh timer, starting only after
/// <paramref name="delay"/> so a run that ends sooner shows nothing, and clears the display when the run ends.
/// </summary>
internal sealed class LiveProgress(IAnsiConsole console, string label, bool countsChanges, TimeSpan delay) : IFileProgress
{
    /// <summary>At most this many in-flight lines (with many workers the list would push the bar off the screen).</summary>
    public const int MaxSlotLines = 8;

    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);
    private readonly ManualResetEventSlim _ended = new();
    private ProgressState? _state;
    private Thread? _renderer;

    public void Begin(int total, int slots)
    {
        _state = new ProgressState(total, slots, TimeProvider.System);
        _ended.Reset();
        _renderer = new Thread(() => Render(_state)) { IsBackground = true, Name = "progress" };
        _renderer.Start();
    }

    public void Started(int slot, string path) => _state?.Started(slot, path);

    public void Finished(int slot, string path, FileProgressKind kind) => _state?.Finished(slot, kind);

    public void End()
    {
        _ended.Set();
        _renderer?.Join();
        _renderer = null;
    }

    private void Render(ProgressState state)
    {
        if (_ended.Wait(delay))
        {
            return;
        }

        try
        {
            Draw(state);
        }
#pragma warning disable CA1031 // The display is a courtesy: whatever breaks it must not break the run it shows.
        catch (Exception)
#pragma warning restore CA1031
        {
            _ended.Wait();
        }
    }

    private void Draw(ProgressState state)
    {
        var progress = new Progress(console)
        {
            AutoClear = true,
            AutoRefresh = true,
            HideCompleted = false,
            RefreshRate = Tick,
        };
        progress.Columns(
            new TaskDescriptionColumn { Alignment = Justify.Left },
            new ProgressRowColumn(ProgressRowColumn.Part.Bar, state, countsChanges),
            new ProgressRowColumn(ProgressRowColumn.Part.Text, state, countsChanges));
        progress.Start(context =>
        {
            var main = context.AddTask(Markup.Escape(label), maxValue: Math.Max(1, state.Total));
            for (var slot = 0; slot < Math.Min(state.Slots, MaxSlotLines); slot++)
            {
                var row = context.AddTask("  ↳", autoStart: false);
                var number = slot + 1;
                row.State.Update<int>(ProgressRowColumn.SlotKey, _ => number);
            }

            do
            {
                main.Value = state.Snapshot().Done;
            }
            while (!_ended.Wait(Tick));

            main.Value = state.Snapshot().Done;
        });
    }
}
