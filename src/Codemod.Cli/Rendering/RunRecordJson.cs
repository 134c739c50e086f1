using System.Globalization;
using System.Text.Json;
using Codemod.Core.Vcs;

namespace Codemod.Cli.Rendering;

/// <summary>One recorded run as JSON: the element of <c>history --format json</c>'s <c>runs</c> array (schema in README).</summary>
internal static class RunRecordJson
{
    public static void Write(Utf8JsonWriter w, RunRecord run)
    {
        w.WriteStartObject();
        w.WriteString("runId", run.RunId);
        w.WriteString("kind", run.Kind == RunKind.Plan ? "plan" : "run");
        w.WriteString("date", run.Date.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        if (run.Codemod is null)
        {
            w.WriteNull("codemod");
        }
        else
        {
            w.WriteStartObject("codemod");
            w.WriteString("name", run.Codemod);
            w.WriteString("version", run.CodemodVersion);
            w.WriteEndObject();
        }

        w.WriteString("subject", run.Subject);
        w.WriteString("before", run.Before);
        w.WriteString("commit", run.After);
        w.WriteStartObject("tags");
        w.WriteString("before", RunTags.Before(run.RunId));
        w.WriteString("after", run.After is null ? null : RunTags.After(run.RunId));
        w.WriteString("rolledBack", run.Rollback is null ? null : RunTags.RolledBack(run.RunId));
        w.WriteEndObject();
        w.WriteNumber("filesChanged", run.Files.Count);
        ReportJson.WriteStrings(w, "files", run.Files);
        w.WriteString("batchId", run.BatchId);
        ReportJson.WriteStrings(w, "steps", run.Steps);
        w.WriteBoolean("onHead", run.OnHead);
        w.WriteString("state", State(run.State));
        w.WriteBoolean("rolledBack", run.Rollback is not null);
        if (run.Rollback is null)
        {
            w.WriteNull("rollback");
        }
        else
        {
            w.WriteStartObject("rollback");
            w.WriteString("mode", run.Rollback.Mode);
            w.WriteString("commit", run.Rollback.Commit);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    public static string State(RunState state) => JsonNamingPolicy.CamelCase.ConvertName(state.ToString());
}
