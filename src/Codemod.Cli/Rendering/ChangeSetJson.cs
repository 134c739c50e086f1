using System.Text.Json;
using Codemod.Core.Apply;
using Codemod.Core.Changes;

namespace Codemod.Cli.Rendering;

/// <summary>The machine-readable document of a preview or apply run (schema documented in README, versioned by <see cref="SchemaVersion"/>).</summary>
internal static class ChangeSetJson
{
    public const int SchemaVersion = 1;

    /// <summary>Writes the document; <paramref name="extra"/> adds top-level fields (e.g. the commit of an apply --commit) before it closes.</summary>
    public static void Write(Stream output, string command, string root, ChangeSet changes, IReadOnlyDictionary<string, string> versions, ApplyResult? applied = null, Action<Utf8JsonWriter>? extra = null)
    {
        WriteDocument(output, command, root, changes, versions, applied, extra);
        output.WriteByte((byte)'\n');
        output.Flush();
    }

    /// <summary>The same document as a string: the report stored as a git note on a run's commit.</summary>
    public static string ToText(string command, string root, ChangeSet changes, IReadOnlyDictionary<string, string> versions, ApplyResult? applied, Action<Utf8JsonWriter>? extra)
    {
        using var buffer = new MemoryStream();
        WriteDocument(buffer, command, root, changes, versions, applied, extra);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteDocument(Stream output, string command, string root, ChangeSet changes, IReadOnlyDictionary<string, string> versions, ApplyResult? applied, Action<Utf8JsonWriter>? extra)
    {
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteNumber("schemaVersion", SchemaVersion);
        w.WriteString("command", command);
        w.WriteString("root", root);
        WriteBody(w, changes, versions);
        if (applied is not null)
        {
            w.WriteStartObject("applied");
            w.WriteBoolean("succeeded", applied.Succeeded);
            w.WriteString("error", applied.Error);
            ReportJson.WriteStrings(w, "written", applied.Written);
            ReportJson.WriteStrings(w, "refused", applied.Refused.Select(r => r.Path));
            w.WriteEndObject();
        }

        extra?.Invoke(w);
        w.WriteEndObject();
        w.Flush();
    }

    /// <summary>The fields every run document shares: codemod, versions, totals, files. Also embedded in git notes and plan reports.</summary>
    public static void WriteBody(Utf8JsonWriter w, ChangeSet changes, IReadOnlyDictionary<string, string> versions)
    {
        w.WriteStartObject("codemod");
        w.WriteString("name", changes.Codemod);
        w.WriteString("version", changes.CodemodVersion);
        w.WriteEndObject();
        w.WriteStartObject("arguments");
        foreach (var (name, values) in changes.Arguments)
        {
            ReportJson.WriteStrings(w, name, values);
        }

        w.WriteEndObject();
        w.WriteStartObject("engine");
        w.WriteString("version", EngineInfo.Version);
        foreach (var (name, version) in versions.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            w.WriteString(name, version);
        }

        w.WriteEndObject();
        var t = changes.Totals;
        w.WriteStartObject("totals");
        w.WriteNumber("found", t.Found);
        w.WriteNumber("notApplicable", t.NotApplicable);
        w.WriteNumber("parsed", t.Parsed);
        w.WriteNumber("changed", t.Changed);
        w.WriteNumber("unchanged", t.Unchanged);
        w.WriteNumber("skipped", t.Skipped);
        w.WriteNumber("failed", t.Failed);
        w.WriteNumber("timedOut", t.TimedOut);
        w.WriteNumber("changes", t.Changes);
        w.WriteNumber("reviews", t.Reviews);
        w.WriteStartObject("skippedByReason");
        foreach (var (reason, count) in t.SkippedByReason)
        {
            w.WriteNumber(reason, count);
        }

        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteNumber("elapsedMs", Math.Round(changes.Elapsed.TotalMilliseconds));
        w.WriteStartArray("files");
        foreach (var file in changes.Files.Where(f => f.Kind != OutcomeKind.NotApplicable))
        {
            WriteFile(w, file);
        }

        w.WriteEndArray();
    }

    private static void WriteFile(Utf8JsonWriter w, FileOutcome file)
    {
        w.WriteStartObject();
        w.WriteString("path", file.Path);
        w.WriteString("outcome", JsonNamingPolicy.CamelCase.ConvertName(file.Kind.ToString()));
        if (file.Reason is not null)
        {
            w.WriteString("reason", file.Reason);
        }

        if (file.Line is { } line)
        {
            w.WriteNumber("line", line);
        }

        if (file.TimedOut)
        {
            w.WriteBoolean("timedOut", true);
        }

        WriteRecords(w, "changes", file.Changes);
        WriteRecords(w, "reviews", file.Reviews);
        if (file.Breaking.Count > 0)
        {
            w.WriteStartArray("breaking");
            foreach (var record in file.Breaking)
            {
                w.WriteStartObject();
                w.WriteString("what", record.What);
                w.WriteString("migrate", record.Migrate);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (file.Kind == OutcomeKind.Changed)
        {
            w.WriteString("diff", DiffRenderer.Text(file));
        }

        w.WriteEndObject();
    }

    private static void WriteRecords(Utf8JsonWriter w, string name, IReadOnlyList<ChangeRecord> records)
    {
        w.WriteStartArray(name);
        foreach (var record in records)
        {
            w.WriteStartObject();
            w.WriteNumber("line", record.Line);
            w.WriteNumber("column", record.Column);
            w.WriteString("kind", record.Kind);
            w.WriteString("message", record.Message);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
