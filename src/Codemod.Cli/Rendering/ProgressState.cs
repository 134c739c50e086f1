using Codemod.Core.Progress;

namespace Codemod.Cli.Rendering;

/// <summary>
/// The counters behind a progress display, written by the pipeline's tasks (an interlocked increment, a field write)
/// and read by the renderer on its own schedule.
/// </summary>
internal sealed class ProgressState(int total, int slots, TimeProvider time)
{
    private readonly string?[] _inFlight = new string?[Math.Max(1, slots)];
    private readonly long _started = time.GetTimestamp();
    private int _done;
    private int _changed;
    private int _failed;

    public int Total { get; } = total;

    public int Slots => _inFlight.Length;

    public void Started(int slot, string path)
    {
        if ((uint)slot < (uint)_inFlight.Length)
        {
            Volatile.Write(ref _inFlight[slot], path);
        }
    }

    /// <summary>Counts a finished file and returns how many are done.</summary>
    public int Finished(int slot, FileProgressKind kind)
    {
        if ((uint)slot < (uint)_inFlight.Length)
        {
            Volatile.Write(ref _inFlight[slot], null);
        }

        if (kind == FileProgressKind.Changed)
        {
            Interlocked.Increment(ref _changed);
        }
        else if (kind == FileProgressKind.Failed)
        {
            Interlocked.Increment(ref _failed);
        }

        return Interlocked.Increment(ref _done);
    }

    /// <summary>The file task <paramref name="slot"/> has at a worker, or null.</summary>
    public string? InFlight(int slot) => (uint)slot < (uint)_inFlight.Length ? Volatile.Read(ref _inFlight[slot]) : null;

    public ProgressSnapshot Snapshot() => new(
        Volatile.Read(ref _done), Total, Volatile.Read(ref _changed), Volatile.Read(ref _failed), time.GetElapsedTime(_started));
}
