namespace Codemod.Cli.Options;

/// <summary>The environment variables the tool honours, read once at start-up; nothing else reads the environment.</summary>
internal sealed record EnvironmentSnapshot(
    bool NoColor,
    string? Python,
    string CurrentDirectory,
    bool OutputRedirected,
    bool ErrorRedirected,
    string? TestPhase = null,
    string? CacheDirectory = null,
    string? XdgCacheHome = null,
    string? Home = null,
    string? GitReads = null)
{
    /// <summary>Columns of the terminal stdout writes to; null when stdout is not a terminal (then text is never wrapped).</summary>
    public int? TerminalWidth { get; init; }

    /// <summary><c>TERM</c>; <c>dumb</c> means the terminal cannot move the cursor, so a live progress display becomes plain lines.</summary>
    public string? Term { get; init; }

    /// <summary>Columns of the terminal stderr writes to (the progress display); null when stderr is not a terminal.</summary>
    public int? ErrorTerminalWidth { get; init; }

    /// <summary>Warm worker pools this process keeps between commands; null (a command-line run): each command starts its own.</summary>
    public Codemod.Python.WorkerPools? Workers { get; init; }

    /// <summary>The default number of workers.</summary>
    public int ProcessorCount { get; init; } = Environment.ProcessorCount;

    /// <summary><c>CODEMOD_HOST</c>: the worker host (pythonnet or python) when <c>--host</c> is not given.</summary>
    public string? Host { get; init; }

    /// <summary>Whether stdin is not a terminal: <c>apply -i</c> then refuses instead of reading answers from a pipe.</summary>
    public bool InputRedirected { get; init; }

    /// <summary><c>$VISUAL</c>, else <c>$EDITOR</c>: the command <c>apply -i</c> edits a file's proposed text with.</summary>
    public string? Editor { get; init; }

    public static EnvironmentSnapshot Read() => new(
        NoColor: !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")),
        Python: Environment.GetEnvironmentVariable("CODEMOD_PYTHON"),
        CurrentDirectory: Directory.GetCurrentDirectory(),
        OutputRedirected: Console.IsOutputRedirected,
        ErrorRedirected: Console.IsErrorRedirected,
        TestPhase: Environment.GetEnvironmentVariable("CODEMOD_TEST_PHASE"),
        CacheDirectory: NonEmpty(Environment.GetEnvironmentVariable("CODEMOD_CACHE_DIR")),
        XdgCacheHome: NonEmpty(Environment.GetEnvironmentVariable("XDG_CACHE_HOME")),
        Home: NonEmpty(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile)),
        GitReads: NonEmpty(Environment.GetEnvironmentVariable("CODEMOD_GIT_READS")))
    {
        TerminalWidth = Console.IsOutputRedirected ? null : WindowWidth(),
        Host = NonEmpty(Environment.GetEnvironmentVariable("CODEMOD_HOST")),
        Term = NonEmpty(Environment.GetEnvironmentVariable("TERM")),
        ErrorTerminalWidth = Console.IsErrorRedirected ? null : WindowWidth(),
        InputRedirected = Console.IsInputRedirected,
        Editor = NonEmpty(Environment.GetEnvironmentVariable("VISUAL")) ?? NonEmpty(Environment.GetEnvironmentVariable("EDITOR")),
    };

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static int? WindowWidth()
    {
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
