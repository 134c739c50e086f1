using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Codemod.Cli.Options;
using Codemod.Cli.Rendering;

namespace Codemod.Cli.Commands;

/// <summary><c>codemod config [PATH]</c>: the settings a run here would use, and where each came from (command line, environment, configuration file and line, default).</summary>
internal static class ConfigCommand
{
    private sealed record Row(string Name, object? Value, SettingLayer Layer, string Where);

    public static Command Create(CliContext context)
    {
        var options = new CommonOptions();
        var format = CommonOptions.Choice("--format", "text (a table, default) or json", "text", "json");
        var codemod = new Option<string?>("--codemod") { Description = "Show the arguments this codemod would get (the configuration's, with --arg on top); default: every configured codemod's", HelpName = "NAME" };
        var command = new Command("config", "Show the resolved settings and where each came from: command line, environment, configuration file (and line), or default");
        options.AddTo(command);
        foreach (var option in new Option[] { format, codemod, options.GeneratedMarker, options.Formatter })
        {
            command.Add(option);
        }

        CommonOptions.AddConfigTo(command);
        command.SetAction(parse => Run(SettingsResolver.Engine(parse, options, context.Environment), parse.GetValue(codemod), parse.GetValue(options.Root) is not null, parse.GetValue(format) == "json", context));
        return command;
    }

    private static int Run(EngineSettings engine, string? codemod, bool rootGiven, bool json, CliContext context)
    {
        var rows = Rows(engine, codemod, rootGiven);
        if (json)
        {
            WriteJson(context.OutputStream, engine, rows);
        }
        else
        {
            WriteText(context.Output, engine, rows);
        }

        return ExitCodes.For(new RunVerdict());
    }

    private static List<Row> Rows(EngineSettings engine, string? codemod, bool rootGiven)
    {
        var layers = engine.Layers;
        var rows = new List<Row> { new("root", engine.Run.Root, rootGiven ? SettingLayer.CommandLine : SettingLayer.Default, rootGiven ? "--root" : "default (the PATH folder, else the current folder)") };
        void Add<T>(string name, Resolved<T> resolved) => rows.Add(new Row(name, resolved.Value, resolved.Layer, resolved.Where));
        Add("include", layers.Includes());
        Add("exclude", layers.Excludes());
        Add("jobs", layers.Jobs());
        Add("timeout", layers.Timeout());
        Add("python", layers.Python());
        Add("formatter", layers.Formatter());
        Add("generated-marker", layers.GeneratedMarker());
        Add("cache-dir", layers.CacheDirectory());
        var codemods = codemod is not null ? [codemod] : layers.Config?.Codemods.Keys.Order(StringComparer.Ordinal).ToList() ?? [];
        foreach (var name in codemods)
        {
            foreach (var (parameter, value) in layers.Arguments(name))
            {
                Add($"{name}.{parameter}", value);
            }
        }

        return rows;
    }

    private static void WriteText(TextWriter output, EngineSettings engine, List<Row> rows)
    {
        output.WriteLine($"configuration: {engine.Layers.Config?.DisplayPath ?? "none"}");
        var table = rows.Select(r => new[] { r.Name, Text(r.Value), Source(r) }).Prepend(["SETTING", "VALUE", "SOURCE"]).ToList();
        var widths = Enumerable.Range(0, 3).Select(i => table.Max(r => r[i].Length)).ToArray();
        foreach (var row in table)
        {
            output.WriteLine(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
        }

        output.Flush();
    }

    private static void WriteJson(Stream stream, EngineSettings engine, List<Row> rows)
    {
        var settings = rows.Select(r => new ConfigSettingDocument(r.Name, ConfigSettingDocument.ValueOf(r.Value), JsonNamingPolicy.CamelCase.ConvertName(r.Layer.ToString()), r.Where)).ToList();
        DocumentJson.Write(stream, new ConfigDocument(DocumentJson.SchemaVersion, "config", engine.Layers.Config?.File, settings), DocumentJson.Escaped.ConfigDocument);
    }

    private static string Source(Row row) => row.Layer switch
    {
        SettingLayer.CommandLine => $"command line ({row.Where})",
        SettingLayer.Environment => $"environment ({row.Where})",
        SettingLayer.Configuration => row.Where,
        _ => row.Where,
    };

    private static string Text(object? value) => value switch
    {
        null => "(none)",
        string text => text.Length == 0 ? "''" : text,
        IEnumerable<string> list => string.Join(", ", list) is { Length: > 0 } joined ? joined : "(none)",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
