using System.Runtime.InteropServices;

namespace Codemod.Worker;

/// <summary>
/// Ends the process at once, without <c>PythonEngine.Shutdown</c>: it takes seconds and hangs for ever when a thread
/// still holds the GIL (a parse in progress). Nothing is lost: the worker owns no files, the engine writes them.
/// </summary>
internal static partial class ProcessExit
{
    private static PosixSignalRegistration? s_interrupt;
    private static PosixSignalRegistration? s_terminate;

    /// <summary>Ctrl+C reaches the whole process group: exit 130 at once, like the Python worker's KeyboardInterrupt.</summary>
    public static void OnInterrupt()
    {
        s_interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => Now(130));
        s_terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => Now(143));
    }

    public static void Now(int code)
    {
        Exit(code);
    }

    [LibraryImport("libc", EntryPoint = "_exit")]
    private static partial void Exit(int status);
}
