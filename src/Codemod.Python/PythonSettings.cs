namespace Codemod.Python;

/// <summary>How to start workers: the interpreter, the folders holding codemods, the per-file timeout and the pool size.</summary>
public sealed record PythonSettings(string PythonExecutable, IReadOnlyList<string> CodemodDirectories, TimeSpan Timeout, int Workers)
{
    /// <summary>The user's current folder: codemod parameters that name files (e.g. a mapping file) are relative to it.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>The host the user forced (<c>--host</c>, <c>$CODEMOD_HOST</c>); null lets <see cref="HostChoice.Decide"/> choose.</summary>
    public WorkerHostKind? Host { get; init; }

    /// <summary>Where <see cref="Host"/> came from, for messages (<c>--host</c> or <c>$CODEMOD_HOST</c>).</summary>
    public string HostSource { get; init; } = "--host";

    /// <summary>Receives the one-line notice when the default host cannot be used (the CLI writes it to stderr).</summary>
    public Action<string>? Notice { get; init; }

    /// <summary>Warm pools to rent workers from instead of starting them (<see cref="WorkerPools"/>); null: a pool of its own.</summary>
    public WorkerPools? Pools { get; init; }

    /// <summary>The codemods shipped with the engine, copied beside the binary at build time.</summary>
    public static string BundledCodemodDirectory => Path.Combine(AppContext.BaseDirectory, "codemods");
}
