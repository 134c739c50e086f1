using Codemod.Core.Progress;

namespace Codemod.Cli.Rendering;

/// <summary>
/// Progress for a terminal without colour or cursor movement: one line per 5 % of the files, written by the task that
/// crossed the step (the check is one integer comparison per file).
/// </summary>
internal sealed class PlainProgress(TextWriter error, string label, bool countsChanges, TimeProvider time) : IFileProgress
{
    private readonly Lock _write = new();
    private ProgressState? _state;
    private int _step;

    public void Begin(int total, int slots)
    {
        _state = new ProgressState(total, slots, time);
        _step = 0;
    }

    public void Started(int slot, string path) => _state?.Started(slot, path);

    public void Finished(int slot, string path, FileProgressKind kind)
    {
        if (_state is not { } state)
        {
            return;
        }

        var done = state.Finished(slot, kind);
        var step = ProgressText.Step(done, state.Total);
        if (step <= Volatile.Read(ref _step))
        {
            return;
        }

        lock (_write)
        {
            if (step <= _step)
            {
                return;
            }

            _step = step;
            error.WriteLine(ProgressText.Line(label, state.Snapshot(), countsChanges));
        }
    }

    public void End()
    {
    }
}
