using System.Runtime.InteropServices;

namespace Codemod.Worker;

/// <summary>
/// Exits the worker as soon as the engine is gone. A busy worker does not read stdin, so it would not notice the pipe
/// closing after a <c>kill -9</c> of the engine; a thread polls the parent id instead. It runs on a .NET thread because
/// LibCST's native parser holds the GIL for as long as a parse takes: a Python thread would wait that long.
/// </summary>
internal static partial class ParentWatch
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    public static void Start(int? expectedParent)
    {
        var parent = GetParentProcessId();
        if (expectedParent is { } expected && expected != parent)
        {
            ProcessExit.Now(0); // the engine died while this process was starting
        }

        if (parent <= 1)
        {
            return;
        }

        var thread = new Thread(() =>
        {
            while (true)
            {
                Thread.Sleep(Interval);
                if (GetParentProcessId() != parent)
                {
                    ProcessExit.Now(0);
                }
            }
        })
        {
            IsBackground = true,
            Name = "parent-watch",
        };
        thread.Start();
    }

    [LibraryImport("libc", EntryPoint = "getppid")]
    private static partial int GetParentProcessId();
}
