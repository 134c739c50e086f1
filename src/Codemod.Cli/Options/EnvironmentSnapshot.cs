namespace Codemod.Cli.Options;

/// <summary>The environment variables the tool honours, read once at start-up; nothing else reads the environment.</summary>
internal sealed record EnvironmentSnapshot(
    bool NoColor,
    string? Python,
    string CurrentDirectory,
    bool OutputRedirected,
    bool ErrorRedirected,
    string? CacheDirectory = null,
    string? XdgCacheHome = null,
    string? Home = null)
{
    public static EnvironmentSnapshot Read() => new(
        NoColor: !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")),
        Python: Environment.GetEnvironmentVariable("CODEMOD_PYTHON"),
        CurrentDirectory: Directory.GetCurrentDirectory(),
        OutputRedirected: Console.IsOutputRedirected,
        ErrorRedirected: Console.IsErrorRedirected,
        CacheDirectory: NonEmpty(Environment.GetEnvironmentVariable("CODEMOD_CACHE_DIR")),
        XdgCacheHome: NonEmpty(Environment.GetEnvironmentVariable("XDG_CACHE_HOME")),
        Home: NonEmpty(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile)));

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
