namespace Codemod.Core.Progress;

/// <summary>
/// Observes a pipeline's files as they are processed, for a progress display; the engine itself never writes to the
/// console. Calls come from many tasks at once: implementations must be thread-safe and cheap (a counter, a field), and
/// do any rendering on their own schedule.
/// </summary>
public interface IFileProgress
{
    /// <summary>Discovery is done: <paramref name="total"/> files will be reported, by at most <paramref name="slots"/> tasks at once.</summary>
    void Begin(int total, int slots);

    /// <summary>A file went to a worker on task <paramref name="slot"/> (0 ≤ slot &lt; slots). Files answered without a worker (prefilter, cache, skipped) are only <see cref="Finished"/>.</summary>
    void Started(int slot, string path);

    /// <summary>A file is done; <paramref name="slot"/> is free again.</summary>
    void Finished(int slot, string path, FileProgressKind kind);

    /// <summary>The run ended (completed, failed or cancelled): no more calls follow. Returns once the display is gone.</summary>
    void End();
}
