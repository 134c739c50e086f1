using System.CommandLine;

namespace Codemod.Cli.Options;

/// <summary>The options shared by the commands that run codemods over files; one instance per command tree.</summary>
internal sealed class CommonOptions
{
    public Argument<string[]> Paths { get; } = new("PATH") { Description = "Files or folders to process (default: the root)", Arity = ArgumentArity.ZeroOrMore };

    public Option<string[]> Args { get; } = new("--arg") { Description = "Codemod parameter NAME=VALUE (repeatable)", HelpName = "NAME=VALUE", Arity = ArgumentArity.ZeroOrMore };

    public Option<string[]> Include { get; } = new("--include") { Description = "Glob of files to include (default **/*.py; repeatable)", Arity = ArgumentArity.ZeroOrMore };

    public Option<string[]> Exclude { get; } = new("--exclude") { Description = "Glob of files to leave out (repeatable)", Arity = ArgumentArity.ZeroOrMore };

    public Option<int?> Jobs { get; } = new("--jobs", "-j") { Description = "Worker processes (default: number of cores)" };

    public Option<double> Timeout { get; } = new("--timeout") { Description = "Seconds one file may take before its worker is killed", DefaultValueFactory = _ => 60 };

    public Option<long> MaxFileSize { get; } = new("--max-file-size") { Description = "Larger files are skipped (bytes)", DefaultValueFactory = _ => 1024 * 1024 };

    public Option<string?> Root { get; } = new("--root") { Description = "Project root: report paths and module names are relative to it (default: the single PATH folder, else the current folder)" };

    public Option<string?> Shard { get; } = new("--shard") { Description = "Process only slice I of N of the sorted file list (e.g. 2/4)", HelpName = "I/N" };

    public Option<string[]> Codemods { get; } = new("--codemods") { Description = "Extra folder of codemods (repeatable)", HelpName = "DIR", Arity = ArgumentArity.ZeroOrMore };

    /// <summary>Review items make the run exit 1 (added by the commands that report review items: preview, apply, plan).</summary>
    public Option<bool> Strict { get; } = new("--strict") { Description = "Exit 1 when the codemod left review items (they are reported either way)" };

    /// <summary>Added by the commands that rewrite files (preview, apply).</summary>
    public Option<string?> GeneratedMarker { get; } = new("--generated-marker") { Description = "Files with this text in their first 10 lines are skipped as generated (default @generated; '' processes them)", HelpName = "TEXT" };

    /// <summary>Added by the commands that rewrite files (preview, apply).</summary>
    public Option<string?> Formatter { get; } = new("--formatter") { Description = "Command that formats each changed file's new code, stdin to stdout (e.g. \"ruff format -\"); run without a shell", HelpName = "COMMAND" };

    public static Option<string?> Python { get; } = new("--python") { Description = "Python interpreter with LibCST (default: $CODEMOD_PYTHON, else the configuration's python, else python3)", Recursive = true };

    public static Option<string?> Host { get; } = CreateHost();

    public static Option<string> Color { get; } = CreateColor();

    public static Option<string?> CacheDir { get; } = new("--cache-dir") { Description = "Result cache folder (default: $CODEMOD_CACHE_DIR, else the configuration's cache-dir, else $XDG_CACHE_HOME/codemod, else ~/.cache/codemod)", HelpName = "DIR", Recursive = true };

    public static Option<bool> NoCache { get; } = new("--no-cache") { Description = "Neither read nor write the result cache: every file goes to the workers", Recursive = true };

    /// <summary>Added by the commands that read the project's configuration (not recursive: <c>plan suggest --config</c> names its decisions file).</summary>
    public static Option<string?> Config { get; } = new("--config") { Description = "Read the project configuration from FILE (pyproject.toml with [tool.codemod], or .codemod.yaml) instead of looking for one", HelpName = "FILE" };

    /// <summary>Added with <see cref="Config"/>.</summary>
    public static Option<bool> NoConfig { get; } = new("--no-config") { Description = "Ignore the project configuration (pyproject.toml [tool.codemod], .codemod.yaml)" };

    public static Option<bool> Verbose { get; } = new("--verbose") { Description = "Show stack traces of unexpected errors", Recursive = true };

    public void AddTo(Command command, bool withPaths = true)
    {
        if (withPaths)
        {
            command.Add(Paths);
        }

        foreach (var option in new Option[] { Args, Include, Exclude, Jobs, Timeout, MaxFileSize, Root, Shard, Codemods })
        {
            command.Add(option);
        }
    }

    public static void AddConfigTo(Command command)
    {
        command.Add(Config);
        command.Add(NoConfig);
    }

    /// <summary>An option that takes one of <paramref name="choices"/>, the first being the default.</summary>
    public static Option<string> Choice(string name, string description, params string[] choices)
    {
        var option = new Option<string>(name) { Description = description, DefaultValueFactory = _ => choices[0] };
        option.AcceptOnlyFromAmong(choices);
        return option;
    }

    private static Option<string?> CreateHost()
    {
        var option = new Option<string?>("--host") { Description = "How workers run LibCST: pythonnet (embedded, the default where libpython is shared) or python (a python3 subprocess); default: $CODEMOD_HOST", Recursive = true };
        option.AcceptOnlyFromAmong("pythonnet", "python");
        return option;
    }

    private static Option<string> CreateColor()
    {
        var option = new Option<string>("--color") { Description = "Colored output: auto, always or never (NO_COLOR is honoured)", DefaultValueFactory = _ => "auto", Recursive = true };
        option.AcceptOnlyFromAmong("auto", "always", "never");
        return option;
    }
}
