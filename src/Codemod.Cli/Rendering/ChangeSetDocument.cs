using System.Text.Json.Serialization;
using Codemod.Core.Apply;
using Codemod.Core.Changes;

namespace Codemod.Cli.Rendering;

/// <summary>
/// The document of a preview or apply run (docs/schemas/changeset.schema.json). Two fields close it when they apply:
/// <see cref="Commit"/> (apply --commit) and <see cref="Run"/> (the document stored as a run's note).
/// </summary>
internal sealed record ChangeSetDocument
{
    public required int SchemaVersion { get; init; }

    public required string Command { get; init; }

    public required string Root { get; init; }

    public required CodemodDocument Codemod { get; init; }

    public required IReadOnlyDictionary<string, IReadOnlyList<string>> Arguments { get; init; }

    public required IReadOnlyDictionary<string, string> Engine { get; init; }

    public required RunTotalsDocument Totals { get; init; }

    public required double ElapsedMs { get; init; }

    public required IReadOnlyList<FileOutcomeDocument> Files { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AppliedDocument? Applied { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CommitDocument? Commit { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public RunNoteDocument? Run { get; init; }

    public static ChangeSetDocument From(string command, string root, ChangeSet changes, IReadOnlyDictionary<string, string> versions, ApplyResult? applied)
    {
        var engine = new OrderedDictionary<string, string>(StringComparer.Ordinal) { ["version"] = EngineInfo.Version };
        foreach (var (name, version) in versions.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            engine[name] = version;
        }

        var t = changes.Totals;
        return new ChangeSetDocument
        {
            SchemaVersion = DocumentJson.SchemaVersion,
            Command = command,
            Root = root,
            Codemod = new CodemodDocument(changes.Codemod, changes.CodemodVersion),
            Arguments = changes.Arguments,
            Engine = engine,
            Totals = new RunTotalsDocument(t.Found, t.NotApplicable, t.Parsed, t.Changed, t.Unchanged, t.Skipped, t.Failed, t.TimedOut, t.Changes, t.Reviews, t.Suppressed, t.SkippedByReason),
            ElapsedMs = Math.Round(changes.Elapsed.TotalMilliseconds),
            Files = [.. changes.Files.Where(f => f.Kind != OutcomeKind.NotApplicable).Select(FileOutcomeDocument.From)],
            Applied = applied is null ? null : new AppliedDocument(applied.Succeeded, applied.Error, applied.Written, [.. applied.Refused.Select(r => r.Path)]),
        };
    }
}

/// <summary>A codemod by name and version.</summary>
internal sealed record CodemodDocument(string Name, string? Version);

/// <summary>The counts of a run; <c>suppressed</c> counts sites left as they are, <c>skippedByReason</c> skipped files per reason.</summary>
internal sealed record RunTotalsDocument(
    int Found, int NotApplicable, int Parsed, int Changed, int Unchanged, int Skipped, int Failed, int TimedOut, int Changes, int Reviews, int Suppressed, IReadOnlyDictionary<string, int> SkippedByReason);

/// <summary>What an apply wrote and refused.</summary>
internal sealed record AppliedDocument(bool Succeeded, string? Error, IReadOnlyList<string> Written, IReadOnlyList<string> Refused);

/// <summary>One site left as it is, and why: <c>comment</c> (a <c># codemod: ignore</c> comment) or <c>excluded</c>.</summary>
internal sealed record SuppressedRecordDocument(int Line, int Column, string Kind, string Message, string Reason)
{
    public static SuppressedRecordDocument From(SuppressedRecord record) => new(record.Line, record.Column, record.Kind, record.Message, record.Reason);
}

/// <summary>One site rewritten or flagged for review.</summary>
internal sealed record ChangeRecordDocument(int Line, int Column, string Kind, string Message)
{
    public static ChangeRecordDocument From(ChangeRecord record) => new(record.Line, record.Column, record.Kind, record.Message);
}
