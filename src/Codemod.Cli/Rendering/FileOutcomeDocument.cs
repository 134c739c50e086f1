using System.Text.Json;
using System.Text.Json.Serialization;
using Codemod.Core.Changes;

namespace Codemod.Cli.Rendering;

/// <summary>One file of a change set: optional fields are left out rather than written as null.</summary>
internal sealed record FileOutcomeDocument(
    string Path,
    string Outcome,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Line,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? TimedOut,
    IReadOnlyList<ChangeRecordDocument> Changes,
    IReadOnlyList<ChangeRecordDocument> Reviews,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<BreakingRecord>? Breaking,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<SuppressedRecordDocument>? Suppressed,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Diff)
{
    public static FileOutcomeDocument From(FileOutcome file) => new(
        file.Path,
        JsonNamingPolicy.CamelCase.ConvertName(file.Kind.ToString()),
        file.Reason,
        file.Line,
        file.TimedOut ? true : null,
        [.. file.Changes.Select(ChangeRecordDocument.From)],
        [.. file.Reviews.Select(ChangeRecordDocument.From)],
        file.Breaking.Count > 0 ? file.Breaking : null,
        file.Suppressed.Count > 0 ? [.. file.Suppressed.Select(SuppressedRecordDocument.From)] : null,
        file.Kind == OutcomeKind.Changed ? DiffRenderer.Text(file) : null);
}
