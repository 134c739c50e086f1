using System.Globalization;
using System.Text.Json;
using Codemod.Core.Vcs;

namespace Codemod.Cli.Rendering;

/// <summary>One recorded run: the element of the history document's <c>runs</c> and the rollback document's <c>run</c> (docs/schemas/history.schema.json).</summary>
internal sealed record RunRecordDocument(
    string RunId,
    string Kind,
    string Date,
    CodemodDocument? Codemod,
    string Subject,
    string Before,
    string? Commit,
    RunTagsDocument Tags,
    int FilesChanged,
    IReadOnlyList<string> Files,
    string? BatchId,
    IReadOnlyList<string> Steps,
    bool OnHead,
    string State,
    bool RolledBack,
    RollbackMarkDocument? Rollback)
{
    public static RunRecordDocument From(RunRecord run) => new(
        run.RunId,
        run.Kind == RunKind.Plan ? "plan" : "run",
        run.Date.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        run.Codemod is null ? null : new CodemodDocument(run.Codemod, run.CodemodVersion),
        run.Subject,
        run.Before,
        run.After,
        new RunTagsDocument(RunTags.Before(run.RunId), run.After is null ? null : RunTags.After(run.RunId), run.Rollback is null ? null : RunTags.RolledBack(run.RunId)),
        run.Files.Count,
        run.Files,
        run.BatchId,
        run.Steps,
        run.OnHead,
        JsonNamingPolicy.CamelCase.ConvertName(run.State.ToString()),
        run.Rollback is not null,
        run.Rollback is null ? null : new RollbackMarkDocument(run.Rollback.Mode, run.Rollback.Commit));
}

/// <summary>A run's tags: the rollback point, its result (once committed) and its rollback mark (once rolled back).</summary>
internal sealed record RunTagsDocument(string Before, string? After, string? RolledBack);

/// <summary>How a run was rolled back: <c>revert</c> (with the revert commit) or <c>hard</c>.</summary>
internal sealed record RollbackMarkDocument(string Mode, string? Commit);
