using System.Globalization;
using System.Text.Json;
using Codemod.Core.Scan;

namespace Codemod.Cli.Rendering;

/// <summary>
/// The machine-readable scan report (schema in the docs, versioned by <see cref="SchemaVersion"/>); also the baseline
/// format. Nothing in it depends on the machine or the clock beyond <c>root</c> and <c>today</c>.
/// </summary>
internal static class ScanJsonWriter
{
    public const int SchemaVersion = 1;

    public const string Command = "scan";

    public static void Write(Stream output, string root, ScanReport report, IReadOnlyDictionary<string, IReadOnlyList<string>> arguments)
    {
        using var w = new Utf8JsonWriter(output, ReportJson.Options);
        w.WriteStartObject();
        w.WriteNumber("schemaVersion", SchemaVersion);
        w.WriteString("command", Command);
        w.WriteString("root", root);
        w.WriteString("today", report.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteStartObject("arguments");
        foreach (var (name, values) in arguments.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            w.WriteStartArray(name);
            values.ToList().ForEach(w.WriteStringValue);
            w.WriteEndArray();
        }

        w.WriteEndObject();
        w.WriteStartObject("files");
        w.WriteNumber("found", report.FilesFound);
        w.WriteNumber("scanned", report.FilesScanned);
        w.WriteNumber("failed", report.Failed.Count);
        w.WriteNumber("skipped", report.Skipped.Count);
        w.WriteEndObject();
        w.WriteStartObject("totals");
        foreach (var total in report.Totals)
        {
            w.WriteNumber(total.Rule.Id, total.Count);
        }

        w.WriteEndObject();
        w.WriteStartArray("findings");
        foreach (var finding in report.Findings)
        {
            WriteFinding(w, finding);
        }

        w.WriteEndArray();
        WriteFiles(w, "failed", report.Failed);
        WriteFiles(w, "skipped", report.Skipped);
        w.WriteStartArray("packages");
        foreach (var package in report.Packages)
        {
            w.WriteStartObject();
            w.WriteString("package", package.Package);
            w.WriteNumber("total", package.Total);
            w.WriteStartObject("rules");
            foreach (var (rule, count) in package.ByRule)
            {
                w.WriteNumber(rule, count);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        ReportJson.Finish(w, output);
    }

    private static void WriteFinding(Utf8JsonWriter w, Finding finding)
    {
        w.WriteStartObject();
        w.WriteString("rule", finding.Rule);
        w.WriteString("path", finding.Path);
        w.WriteNumber("line", finding.Line);
        if (finding.Column is { } column)
        {
            w.WriteNumber("column", column);
        }
        else
        {
            w.WriteNull("column");
        }

        w.WriteString("message", finding.Message);
        w.WriteString("group", finding.Group);
        w.WriteString("scope", finding.InTest ? "test" : "production");
        w.WriteStartObject("properties");
        foreach (var (name, value) in finding.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            w.WritePropertyName(name);
            ReportJson.WriteValue(w, value);
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteFiles(Utf8JsonWriter w, string name, IReadOnlyList<FileScan> files)
    {
        w.WriteStartArray(name);
        foreach (var file in files)
        {
            w.WriteStartObject();
            w.WriteString("path", file.Path);
            w.WriteString("reason", file.Reason);
            if (file.Line is { } line)
            {
                w.WriteNumber("line", line);
            }
            else
            {
                w.WriteNull("line");
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
