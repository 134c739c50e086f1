using System.CommandLine;
using Codemod.Core.Settings;
using Codemod.Python;

namespace Codemod.Cli.Options;

/// <summary>Turns parsed options into resolved settings once, before any work: the only place raw flags are interpreted.</summary>
internal static class SettingsResolver
{
    public static RunSettings Run(ParseResult parse, CommonOptions options, EnvironmentSnapshot environment, IReadOnlyList<string>? pathsOverride = null)
    {
        var rawPaths = pathsOverride ?? parse.GetValue(options.Paths) ?? [];
        var root = ResolveRoot(parse.GetValue(options.Root), rawPaths, environment.CurrentDirectory);
        var paths = rawPaths.Select(p => RelativeToRoot(root, Path.GetFullPath(p, environment.CurrentDirectory))).Where(p => p != ".").ToList();
        var includes = parse.GetValue(options.Include) is { Length: > 0 } inc ? inc : ["**/*.py"];
        var jobs = parse.GetValue(options.Jobs) ?? Environment.ProcessorCount;
        if (jobs < 1)
        {
            throw new UserError($"--jobs {jobs} must be at least 1");
        }

        var timeout = parse.GetValue(options.Timeout);
        if (timeout <= 0)
        {
            throw new UserError($"--timeout {timeout} must be a positive number of seconds");
        }

        return new RunSettings
        {
            Root = root,
            Paths = paths,
            Includes = includes,
            Excludes = parse.GetValue(options.Exclude) ?? [],
            Jobs = jobs,
            Timeout = TimeSpan.FromSeconds(timeout),
            MaxFileSize = parse.GetValue(options.MaxFileSize),
            Shard = parse.GetValue(options.Shard) is { } shard ? ShardSpec.Parse(shard) : null,
            GeneratedMarker = parse.GetResult(options.GeneratedMarker) is null ? RunSettings.DefaultGeneratedMarker : parse.GetValue(options.GeneratedMarker),
            Formatter = parse.GetResult(options.Formatter) is null ? null : CommandSplitter.Split(parse.GetValue(options.Formatter) ?? string.Empty, "--formatter"),
        };
    }

    public static PythonSettings Python(ParseResult parse, CommonOptions? options, EnvironmentSnapshot environment, RunSettings? run, TextWriter? notices = null)
    {
        var extra = options is null ? [] : (parse.GetValue(options.Codemods) ?? []).Select(d => Path.GetFullPath(d, environment.CurrentDirectory)).ToList();
        foreach (var directory in extra.Where(d => !Directory.Exists(d)))
        {
            throw new UserError($"--codemods folder '{directory}' does not exist");
        }

        var python = parse.GetValue(CommonOptions.Python) ?? environment.Python ?? "python3";
        var host = parse.GetValue(CommonOptions.Host);
        var hostSource = host is null ? "$CODEMOD_HOST" : "--host";
        host ??= environment.Host;
        return new PythonSettings(python, [PythonSettings.BundledCodemodDirectory, .. extra], run?.Timeout ?? TimeSpan.FromSeconds(60), run?.Jobs ?? 1)
        {
            WorkingDirectory = environment.CurrentDirectory,
            Host = host switch
            {
                null => null,
                "pythonnet" => WorkerHostKind.Pythonnet,
                "python" => WorkerHostKind.Python,
                _ => throw new UserError($"CODEMOD_HOST={host} is not a worker host: use pythonnet or python"),
            },
            HostSource = hostSource,
            Notice = notices is null ? null : notices.WriteLine,
        };
    }

    /// <summary><c>--arg NAME=VALUE</c> pairs; a name given twice collects both values (list parameters).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Arguments(IEnumerable<string> pairs)
    {
        var result = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var cut = pair.IndexOf('=');
            if (cut <= 0)
            {
                throw new UserError($"--arg '{pair}' is not NAME=VALUE: write e.g. --arg module=shared.isolated_environment");
            }

            var name = pair[..cut].Trim().Replace('-', '_');
            if (!result.TryGetValue(name, out var values))
            {
                result[name] = values = [];
            }

            values.Add(pair[(cut + 1)..]);
        }

        return result.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value, StringComparer.Ordinal);
    }

    /// <summary>
    /// The result cache folder: <c>--cache-dir</c>, else <c>$CODEMOD_CACHE_DIR</c>, else <c>$XDG_CACHE_HOME/codemod</c>, else
    /// <c>~/.cache/codemod</c>; null with <c>--no-cache</c> or when no home folder is known.
    /// </summary>
    public static string? CacheDirectory(ParseResult parse, EnvironmentSnapshot environment)
    {
        if (parse.GetValue(CommonOptions.NoCache))
        {
            return null;
        }

        var configured = parse.GetValue(CommonOptions.CacheDir) ?? environment.CacheDirectory;
        if (configured is not null)
        {
            return Path.GetFullPath(configured, environment.CurrentDirectory);
        }

        var xdg = environment.XdgCacheHome is { } x && Path.IsPathRooted(x) ? x : null;
        return xdg is not null ? Path.Combine(xdg, "codemod")
            : environment.Home is { } home ? Path.Combine(home, ".cache", "codemod")
            : null;
    }

    public static bool UseColor(ParseResult parse, EnvironmentSnapshot environment, bool redirected) =>
        parse.GetValue(CommonOptions.Color) switch
        {
            "always" => true,
            "never" => false,
            _ => !environment.NoColor && !redirected,
        };

    private static string ResolveRoot(string? explicitRoot, IReadOnlyList<string> paths, string currentDirectory)
    {
        if (explicitRoot is not null)
        {
            var full = Path.GetFullPath(explicitRoot, currentDirectory);
            return Directory.Exists(full) ? full.TrimEnd(Path.DirectorySeparatorChar) : throw new UserError($"--root '{explicitRoot}' is not a folder");
        }

        if (paths.Count == 1 && Directory.Exists(Path.GetFullPath(paths[0], currentDirectory)))
        {
            return Path.GetFullPath(paths[0], currentDirectory).TrimEnd(Path.DirectorySeparatorChar);
        }

        return currentDirectory;
    }

    private static string RelativeToRoot(string root, string fullPath)
    {
        var relative = Path.GetRelativePath(root, fullPath).Replace(Path.DirectorySeparatorChar, '/');
        return relative.StartsWith("../", StringComparison.Ordinal) || relative == ".." || Path.IsPathRooted(relative)
            ? throw new UserError($"path '{fullPath}' is outside the root {root}: pass --root")
            : relative;
    }
}
