using System.CommandLine;
using Codemod.Cli.Config;
using Codemod.Core.Settings;
using Codemod.Python;

namespace Codemod.Cli.Options;

/// <summary>Turns parsed options, the environment and the project's configuration into resolved settings once, before any work: the only place raw flags are interpreted.</summary>
internal static class SettingsResolver
{
    /// <summary>The run, workers and cache of a command that processes files under a root (preview, apply, scan, mro, config).</summary>
    public static EngineSettings Engine(ParseResult parse, CommonOptions options, EnvironmentSnapshot environment)
    {
        var rawPaths = parse.GetValue(options.Paths) ?? [];
        var root = ResolveRoot(parse.GetValue(options.Root), rawPaths, environment.CurrentDirectory);
        var paths = rawPaths.Select(p => RelativeToRoot(root, Path.GetFullPath(p, environment.CurrentDirectory))).Where(p => p != ".").ToList();
        var layers = Layers(parse, options, environment, root);
        var run = Run(parse, options, layers, root) with { Paths = paths };
        return new EngineSettings(run, Python(parse, options, environment, layers, run), layers.CacheDirectory().Value, layers);
    }

    /// <summary>The base settings of a plan: a root (<c>--root</c> or the current folder) and what every step starts from.</summary>
    public static EngineSettings Plan(ParseResult parse, CommonOptions options, EnvironmentSnapshot environment)
    {
        var rootOption = parse.GetValue(options.Root);
        var root = Path.GetFullPath(rootOption ?? ".", environment.CurrentDirectory).TrimEnd(Path.DirectorySeparatorChar);
        if (!Directory.Exists(root))
        {
            throw new UserError($"--root '{rootOption}' is not a folder");
        }

        var layers = Layers(parse, options, environment, root);
        var run = Run(parse, options, layers, root);
        return new EngineSettings(run, Python(parse, options, environment, layers, run), layers.CacheDirectory().Value, layers);
    }

    /// <summary>The layers of a command that has no run (list, doctor, cache): the configuration is looked up from <paramref name="start"/>.</summary>
    public static SettingLayers Layers(ParseResult parse, CommonOptions? options, EnvironmentSnapshot environment, string start) =>
        new(parse, options, environment, ConfigLocator.Find(start, Given(parse, CommonOptions.Config), Given(parse, CommonOptions.NoConfig), environment.CurrentDirectory));

    public static PythonSettings Python(ParseResult parse, CommonOptions? options, EnvironmentSnapshot environment, SettingLayers layers, RunSettings? run, TextWriter? notices = null)
    {
        var extra = options is null ? [] : (parse.GetValue(options.Codemods) ?? []).Select(d => Path.GetFullPath(d, environment.CurrentDirectory)).ToList();
        foreach (var directory in extra.Where(d => !Directory.Exists(d)))
        {
            throw new UserError($"--codemods folder '{directory}' does not exist");
        }

        var host = parse.GetValue(CommonOptions.Host);
        var hostSource = host is null ? "$CODEMOD_HOST" : "--host";
        host ??= environment.Host;
        return new PythonSettings(layers.Python().Value, [PythonSettings.BundledCodemodDirectory, .. extra], run?.Timeout ?? TimeSpan.FromSeconds(60), run?.Jobs ?? 1)
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
            Pools = environment.Workers,
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

    /// <summary>The values of resolved arguments, as the engine takes them.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Values(IReadOnlyDictionary<string, Resolved<IReadOnlyList<string>>> arguments) =>
        arguments.ToDictionary(kv => kv.Key, kv => kv.Value.Value, StringComparer.Ordinal);

    /// <summary>The result cache folder (see <see cref="SettingLayers.CacheDirectory"/>), looked up without a configuration.</summary>
    public static string? CacheDirectory(ParseResult parse, EnvironmentSnapshot environment) =>
        new SettingLayers(parse, null, environment, null).CacheDirectory().Value;

    public static OutputStyle Style(ParseResult parse, EnvironmentSnapshot environment) => OutputStyle.From(parse.GetValue(CommonOptions.Color), environment);

    private static RunSettings Run(ParseResult parse, CommonOptions options, SettingLayers layers, string root)
    {
        var jobs = layers.Jobs();
        if (jobs.Value < 1)
        {
            throw new UserError($"--jobs {jobs.Value} must be at least 1");
        }

        var timeout = layers.Timeout();
        if (timeout.Value <= 0)
        {
            throw new UserError($"--timeout {timeout.Value} must be a positive number of seconds");
        }

        return new RunSettings
        {
            Root = root,
            Includes = layers.Includes().Value,
            Excludes = layers.Excludes().Value,
            Jobs = jobs.Value,
            Timeout = TimeSpan.FromSeconds(timeout.Value),
            MaxFileSize = parse.GetValue(options.MaxFileSize),
            Shard = Given(parse, options.Shard) is { } shard ? ShardSpec.Parse(shard) : null,
            GeneratedMarker = layers.GeneratedMarker().Value,
            Formatter = layers.Formatter().Value,
        };
    }

    private static T? Given<T>(ParseResult parse, Option<T> option) => parse.GetResult(option) is { Implicit: false } ? parse.GetValue(option) : default;

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
