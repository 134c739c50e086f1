using System.Text.Json;
using Codemod.Core.Vcs;

namespace Codemod.Cli.Rendering;

/// <summary>The <c>commit</c> object an apply --commit adds to its change set document: what was committed and tagged.</summary>
internal sealed record CommitDocument(
    string Status,
    string RunId,
    string? Commit,
    string? Subject,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Files,
    bool BreakingEntry,
    string? NotesRef,
    string? Detail,
    IReadOnlyList<string> Warnings)
{
    public static CommitDocument From(CommitOutcome outcome) => new(
        JsonNamingPolicy.CamelCase.ConvertName(outcome.Status.ToString()),
        outcome.RunId.Value,
        outcome.Commit,
        outcome.Message?.Subject,
        outcome.Tags,
        outcome.CommittedPaths,
        outcome.BreakingEntryWritten,
        outcome.Status == CommitStatus.Committed ? RunTags.NotesRef : null,
        outcome.Detail,
        outcome.Warnings);
}

/// <summary>The <c>run</c> object of the change set document stored as a run's note: the run, its batch and its tags.</summary>
internal sealed record RunNoteDocument(string RunId, string? BatchId, string Before, string After)
{
    public static RunNoteDocument From(RunId id, string? batchId) => new(id.Value, batchId, RunTags.Before(id), RunTags.After(id.Value));
}
