using System.Text.Json;
using System.Text.Json.Serialization;
using Codemod.Core.Vcs;

namespace Codemod.Cli.Rendering;

/// <summary>
/// The document of <c>codemod history --format json</c> (docs/schemas/history.schema.json). <see cref="Reports"/> is
/// written only for a RUN-ID: each run's stored note as JSON, its text when it is not JSON, or null when there is none.
/// </summary>
internal sealed record HistoryDocument(
    int SchemaVersion,
    string Command,
    string Root,
    IReadOnlyList<RunRecordDocument> Runs,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, JsonElement?>? Reports)
{
    public static HistoryDocument From(string root, IReadOnlyList<RunRecord> runs, IReadOnlyDictionary<string, JsonElement?>? reports) =>
        new(DocumentJson.SchemaVersion, "history", root, [.. runs.Select(RunRecordDocument.From)], reports);

    /// <summary>A stored note as it is embedded: the JSON document it holds, else its text; null when the run has no note.</summary>
    public static JsonElement? Report(string? note)
    {
        if (note is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(note);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(note, DocumentJson.Escaped.String);
        }
    }
}
