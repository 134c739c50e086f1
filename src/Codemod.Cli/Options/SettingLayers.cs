using System.CommandLine;
using Codemod.Cli.Config;
using Codemod.Core.Settings;

namespace Codemod.Cli.Options;

/// <summary>
/// Each setting resolved through its layers (command line, environment, configuration, built-in default), with where
/// its value came from; <see cref="SettingsResolver"/> builds the run settings from these, <c>codemod config</c> prints them.
/// </summary>
internal sealed class SettingLayers(ParseResult parse, CommonOptions? options, EnvironmentSnapshot environment, ProjectConfig? config)
{
    public ProjectConfig? Config { get; } = config;

    public Resolved<IReadOnlyList<string>> Includes() =>
        Given(options?.Include) is { Length: > 0 } cli ? new(cli, SettingLayer.CommandLine, "--include")
        : Config?.Include is { } configured ? new(configured.Value, SettingLayer.Configuration, Config.At(configured.Line))
        : new(["**/*.py"], SettingLayer.Default, "default");

    public Resolved<IReadOnlyList<string>> Excludes() =>
        Given(options?.Exclude) is { Length: > 0 } cli ? new(cli, SettingLayer.CommandLine, "--exclude")
        : Config?.Exclude is { } configured ? new(configured.Value, SettingLayer.Configuration, Config.At(configured.Line))
        : new([], SettingLayer.Default, "default");

    public Resolved<int> Jobs() =>
        Given(options?.Jobs) is { } cli ? new(cli, SettingLayer.CommandLine, "--jobs")
        : Config?.Jobs is { } configured ? new(configured.Value, SettingLayer.Configuration, Config.At(configured.Line))
        : new(environment.ProcessorCount, SettingLayer.Default, "default (number of cores)");

    public Resolved<double> Timeout() =>
        options is not null && IsGiven(options.Timeout) ? new(parse.GetValue(options.Timeout), SettingLayer.CommandLine, "--timeout")
        : Config?.Timeout is { } configured ? new(configured.Value, SettingLayer.Configuration, Config.At(configured.Line))
        : new(60, SettingLayer.Default, "default");

    public Resolved<string> Python() =>
        Given(CommonOptions.Python) is { } cli ? new(cli, SettingLayer.CommandLine, "--python")
        : environment.Python is { } variable ? new(variable, SettingLayer.Environment, "$CODEMOD_PYTHON")
        : Config?.Python is { } configured ? new(configured.Value, SettingLayer.Configuration, Config.At(configured.Line))
        : new("python3", SettingLayer.Default, "default");

    public Resolved<IReadOnlyList<string>?> Formatter() =>
        options is not null && IsGiven(options.Formatter) ? new(CommandSplitter.Split(parse.GetValue(options.Formatter) ?? string.Empty, "--formatter"), SettingLayer.CommandLine, "--formatter")
        : Config?.Formatter is { } configured ? new(configured.Value, SettingLayer.Configuration, Config.At(configured.Line))
        : new(null, SettingLayer.Default, "default");

    public Resolved<string?> GeneratedMarker() =>
        options is not null && IsGiven(options.GeneratedMarker) ? new(parse.GetValue(options.GeneratedMarker), SettingLayer.CommandLine, "--generated-marker")
        : Config?.GeneratedMarker is { } configured ? new(configured.Value, SettingLayer.Configuration, Config.At(configured.Line))
        : new(RunSettings.DefaultGeneratedMarker, SettingLayer.Default, "default");

    /// <summary>
    /// The result cache folder: off with <c>--no-cache</c>; else <c>--cache-dir</c>, <c>$CODEMOD_CACHE_DIR</c>, the
    /// configuration's <c>cache-dir</c>, <c>$XDG_CACHE_HOME/codemod</c>, <c>~/.cache/codemod</c>; null when no home folder is known.
    /// </summary>
    public Resolved<string?> CacheDirectory()
    {
        if (parse.GetResult(CommonOptions.NoCache) is not null && parse.GetValue(CommonOptions.NoCache))
        {
            return new(null, SettingLayer.CommandLine, "--no-cache");
        }

        if (Given(CommonOptions.CacheDir) is { } cli)
        {
            return new(Path.GetFullPath(cli, environment.CurrentDirectory), SettingLayer.CommandLine, "--cache-dir");
        }

        if (environment.CacheDirectory is { } variable)
        {
            return new(Path.GetFullPath(variable, environment.CurrentDirectory), SettingLayer.Environment, "$CODEMOD_CACHE_DIR");
        }

        if (Config?.CacheDirectory is { } configured)
        {
            return new(configured.Value, SettingLayer.Configuration, Config.At(configured.Line));
        }

        var xdg = environment.XdgCacheHome is { } x && Path.IsPathRooted(x) ? x : null;
        return xdg is not null ? new(Path.Combine(xdg, "codemod"), SettingLayer.Default, "default ($XDG_CACHE_HOME)")
            : environment.Home is { } home ? new(Path.Combine(home, ".cache", "codemod"), SettingLayer.Default, "default")
            : new(null, SettingLayer.Default, "default (no home folder)");
    }

    /// <summary>
    /// A codemod's arguments: each <c>--arg</c> parameter replaces the configuration's values for that parameter; the
    /// configuration's section for <paramref name="codemod"/> supplies the rest.
    /// </summary>
    public IReadOnlyDictionary<string, Resolved<IReadOnlyList<string>>> Arguments(string? codemod)
    {
        var result = new SortedDictionary<string, Resolved<IReadOnlyList<string>>>(StringComparer.Ordinal);
        if (codemod is not null && Config?.Codemods.GetValueOrDefault(codemod) is { } section)
        {
            foreach (var (name, value) in section)
            {
                result[name] = new(value.Value, SettingLayer.Configuration, Config.At(value.Line));
            }
        }

        foreach (var (name, values) in SettingsResolver.Arguments(Given(options?.Args) ?? []))
        {
            result[name] = new(values, SettingLayer.CommandLine, "--arg");
        }

        return result;
    }

    private bool IsGiven(Option option) => parse.GetResult(option) is { Implicit: false };

    private T? Given<T>(Option<T>? option) => option is not null && parse.GetResult(option) is { Implicit: false } ? parse.GetValue(option) : default;
}
