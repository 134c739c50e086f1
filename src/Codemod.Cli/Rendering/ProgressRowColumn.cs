using Spectre.Console;
using Spectre.Console.Rendering;

namespace Codemod.Cli.Rendering;

/// <summary>
/// A column of <see cref="LiveProgress"/>: on the first row the bar or the counts ("120/300 files  35 files/s  ETA 0:05
/// 12 changed, 0 failed"), on a task's row nothing or the file that task has at a worker.
/// </summary>
internal sealed class ProgressRowColumn(ProgressRowColumn.Part part, ProgressState state, bool countsChanges) : ProgressColumn
{
    /// <summary>The key under which a task row keeps its number (1-based); the first row has none.</summary>
    public const string SlotKey = "slot";

    private readonly ProgressBarColumn _bar = new() { Width = 20 };

    public enum Part
    {
        Bar,
        Text,
    }

    protected override bool NoWrap => true;

    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
    {
        var slot = task.State.Get<int>(SlotKey);
        if (part == Part.Bar)
        {
            return slot == 0 ? _bar.Render(options, task, deltaTime) : Text.Empty;
        }

        if (slot == 0)
        {
            var s = state.Snapshot();
            return new Markup($"[bold]{ProgressText.Counts(s)}[/]  {ProgressText.Rate(s)}  {ProgressText.Eta(s)}  {Markup.Escape(ProgressText.Tally(s, countsChanges))}");
        }

        return state.InFlight(slot - 1) is { } path
            ? new Text(ProgressText.Fit(path, Math.Max(20, options.ConsoleSize.Width - 40)), new Style(decoration: Decoration.Dim))
            : Text.Empty;
    }
}
