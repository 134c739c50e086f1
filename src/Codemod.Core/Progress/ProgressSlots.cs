using System.Collections.Concurrent;

namespace Codemod.Core.Progress;

/// <summary>
/// Numbers the tasks of a parallel loop for <see cref="IFileProgress"/>: a task takes a free number when it
/// starts a file and gives it back when the file is done, so a display can keep one line per task.
/// </summary>
public sealed class ProgressSlots
{
    private readonly ConcurrentStack<int> _free;

    public ProgressSlots(int count)
    {
        _free = new ConcurrentStack<int>(Enumerable.Range(0, Math.Max(1, count)).Reverse());
    }

    public int Take() => _free.TryPop(out var slot) ? slot : 0;

    public void Return(int slot) => _free.Push(slot);
}
