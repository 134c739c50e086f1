using System.Text.Json;
using Codemod.Core.Apply;
using Codemod.Core.Changes;

namespace Codemod.Cli.Rendering;

/// <summary>Writes the document of a preview or apply run, <see cref="ChangeSetDocument"/>.</summary>
internal static class ChangeSetJson
{
    /// <summary>Writes the document; <paramref name="extra"/> adds top-level fields (e.g. the commit of an apply --commit) at its end.</summary>
    public static void Write(Stream output, string command, string root, ChangeSet changes, IReadOnlyDictionary<string, string> versions, ApplyResult? applied = null, Action<Utf8JsonWriter>? extra = null) =>
        DocumentJson.Write(output, Document(command, root, changes, versions, applied, extra), DocumentJson.Escaped.ChangeSetDocument);

    /// <summary>The same document as a string: the report stored as a git note on a run's commit.</summary>
    public static string ToText(string command, string root, ChangeSet changes, IReadOnlyDictionary<string, string> versions, ApplyResult? applied, Action<Utf8JsonWriter>? extra) =>
        JsonSerializer.Serialize(Document(command, root, changes, versions, applied, extra), DocumentJson.Escaped.ChangeSetDocument) + "\n";

    /// <summary>The fields every run document shares (codemod to files), written into an open object: plan reports embed them.</summary>
    public static void WriteBody(Utf8JsonWriter w, ChangeSet changes, IReadOnlyDictionary<string, string> versions)
    {
        var d = ChangeSetDocument.From(string.Empty, string.Empty, changes, versions, null);
        var json = DocumentJson.Escaped;
        w.WritePropertyName("codemod");
        JsonSerializer.Serialize(w, d.Codemod, json.CodemodDocument);
        w.WritePropertyName("arguments");
        JsonSerializer.Serialize(w, d.Arguments, json.IReadOnlyDictionaryStringIReadOnlyListString);
        w.WritePropertyName("engine");
        JsonSerializer.Serialize(w, d.Engine, json.IReadOnlyDictionaryStringString);
        w.WritePropertyName("totals");
        JsonSerializer.Serialize(w, d.Totals, json.RunTotalsDocument);
        w.WriteNumber("elapsedMs", d.ElapsedMs);
        w.WritePropertyName("files");
        JsonSerializer.Serialize(w, d.Files, json.IReadOnlyListFileOutcomeDocument);
    }

    private static ChangeSetDocument Document(string command, string root, ChangeSet changes, IReadOnlyDictionary<string, string> versions, ApplyResult? applied, Action<Utf8JsonWriter>? extra) =>
        ChangeSetDocument.From(command, root, changes, versions, applied) with { Extra = extra is null ? null : Fields(extra) };

    // The caller's fields, written once into a scratch object and carried as extension data.
    private static Dictionary<string, JsonElement> Fields(Action<Utf8JsonWriter> extra)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            extra(w);
            w.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);
    }
}
