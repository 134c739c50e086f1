using System.CommandLine;
using System.Globalization;
using Codemod.Core.Settings;

namespace Codemod.Cli.Options;

/// <summary>The flags of <c>codemod scan</c> and their resolution into <see cref="ScanSettings"/>.</summary>
internal sealed class ScanOptions
{
    private static readonly string[] KnownArguments = ["allow"];

    public CommonOptions Common { get; } = new();

    public Option<string> Format { get; } = CommonOptions.Choice("--format", "table (default), json, sarif (SARIF 2.1.0) or markdown", "table", "json", "sarif", "markdown");

    public Option<string?> Output { get; } = new("--output", "-o") { Description = "Write the report to FILE instead of stdout", HelpName = "FILE" };

    public Option<string?> Baseline { get; } = new("--baseline") { Description = "Compare with an earlier JSON report; exit 3 when any rule's count went up", HelpName = "FILE" };

    public Option<string?> WriteBaseline { get; } = new("--write-baseline") { Description = "Record this scan as a JSON report in FILE (the next --baseline)", HelpName = "FILE" };

    public Option<string?> Today { get; } = new("--today") { Description = "The date shim sunsets are judged against (default: today)", HelpName = "YYYY-MM-DD" };

    public Command AddTo(Command command)
    {
        Common.AddTo(command);
        foreach (var option in new Option[] { Format, Output, Baseline, WriteBaseline, Today })
        {
            command.Add(option);
        }

        CommonOptions.AddConfigTo(command);
        return command;
    }

    /// <summary>Scan's <c>--arg allow=GLOB</c> also comes from the configuration's <c>[tool.codemod.scan]</c> table.</summary>
    public ScanSettings Resolve(ParseResult parse, EnvironmentSnapshot environment, TimeProvider clock)
    {
        var engine = SettingsResolver.Engine(parse, Common, environment);
        var resolved = engine.Layers.Arguments("scan");
        foreach (var (unknown, origin) in resolved.Where(a => !KnownArguments.Contains(a.Key)))
        {
            throw new UserError(origin.Layer == SettingLayer.Configuration
                ? $"{origin.Where}: scan has no parameter '{unknown}': it takes allow = [GLOB, ...]"
                : $"scan has no parameter '{unknown}': it takes --arg allow=GLOB (repeatable)");
        }

        string Full(string path) => Path.GetFullPath(path, environment.CurrentDirectory);
        return new ScanSettings(engine, SettingsResolver.Values(resolved), parse.GetValue(Format)!, ParseToday(parse.GetValue(Today), clock), SettingsResolver.Style(parse, environment))
        {
            Output = parse.GetValue(Output) is { } output ? Full(output) : null,
            Baseline = parse.GetValue(Baseline) is { } baseline ? (baseline, Full(baseline)) : null,
            WriteBaseline = parse.GetValue(WriteBaseline) is { } record ? Full(record) : null,
        };
    }

    /// <summary>The day that decides expired shims: <c>--today</c> when given, else the clock's.</summary>
    public static DateOnly ParseToday(string? text, TimeProvider clock)
    {
        if (text is null)
        {
            return DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new UserError($"--today '{text}' is not a date written YYYY-MM-DD");
    }
}
