namespace Codemod.Python;

/// <summary>How to start workers: the interpreter, the folders holding codemods, the per-file timeout and the pool size.</summary>
public sealed record PythonSettings(string PythonExecutable, IReadOnlyList<string> CodemodDirectories, TimeSpan Timeout, int Workers)
{
    /// <summary>The codemods shipped with the engine, copied beside the binary at build time.</summary>
    public static string BundledCodemodDirectory => Path.Combine(AppContext.BaseDirectory, "codemods");
}
