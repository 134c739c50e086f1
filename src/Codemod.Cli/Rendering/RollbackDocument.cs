using System.Text.Json;
using Codemod.Core.Vcs;

namespace Codemod.Cli.Rendering;

/// <summary>The document of <c>codemod rollback --format json</c> (docs/schemas/rollback.schema.json): what was done, and the proof.</summary>
internal sealed record RollbackDocument(
    int SchemaVersion,
    string Command,
    string Status,
    string Mode,
    string? Commit,
    string? Detail,
    TreeVerificationDocument? Verification,
    RunRecordDocument Run)
{
    public static RollbackDocument From(RollbackOutcome outcome) => new(
        DocumentJson.SchemaVersion,
        "rollback",
        JsonNamingPolicy.CamelCase.ConvertName(outcome.Status.ToString()),
        outcome.Hard ? "hard" : "revert",
        outcome.Commit,
        outcome.Detail,
        outcome.Verification is { } check ? new TreeVerificationDocument(check.Reference, check.Verified, check.Identical.Count, check.Differing) : null,
        RunRecordDocument.From(outcome.Run));
}

/// <summary>The tree check after a rollback: how many files match the reference, and which differ.</summary>
internal sealed record TreeVerificationDocument(string Reference, bool Verified, int Identical, IReadOnlyList<string> Differing);
