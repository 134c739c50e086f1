using System.Text.Json;
using Codemod.Cli.Rendering;
using Codemod.Core.Plans;
using Codemod.Core.Vcs;

namespace Codemod.Cli.Plans;

/// <summary>The machine-readable document of <c>codemod plan --format json</c> (schema in README, <see cref="SchemaVersion"/>).</summary>
internal static class PlanReportJson
{
    public const int SchemaVersion = 1;

    public static void Write(Stream output, PlanReport report, string root)
    {
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteNumber("schemaVersion", SchemaVersion);
        w.WriteString("command", "plan");
        w.WriteString("plan", report.Plan.Path);
        w.WriteString("name", report.Plan.Name);
        w.WriteString("root", root);
        w.WriteBoolean("dryRun", report.DryRun);
        w.WriteBoolean("succeeded", report.Succeeded);
        w.WriteString("batchId", report.BatchId);
        w.WriteString("start", report.Start);
        w.WriteString("head", report.Head);
        ReportJson.WriteStrings(w, "tags", report.Tags);
        w.WriteBoolean("rolledBack", report.RolledBack);
        ReportJson.WriteStrings(w, "rollbackProblems", report.RollbackProblems);
        if (report.FailedStep is { } failed)
        {
            w.WriteStartObject("failedStep");
            w.WriteNumber("number", failed.Step.Number);
            w.WriteString("codemod", failed.Step.Codemod);
            w.WriteNumber("line", failed.Step.Line);
            w.WriteString("reason", failed.Failure);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("failedStep");
        }

        w.WriteStartArray("steps");
        foreach (var step in report.Steps)
        {
            WriteStep(w, step, report.Versions);
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        output.WriteByte((byte)'\n');
        output.Flush();
    }

    private static void WriteStep(Utf8JsonWriter w, StepReport step, IReadOnlyDictionary<string, string> versions)
    {
        w.WriteStartObject();
        w.WriteNumber("number", step.Step.Number);
        w.WriteString("codemod", step.Step.Codemod);
        w.WriteNumber("line", step.Step.Line);
        w.WriteString("status", JsonNamingPolicy.CamelCase.ConvertName(step.Status.ToString()));
        w.WriteString("failure", step.Failure);
        w.WriteString("note", step.Step.Note);
        var committed = step.Commit is { Status: CommitStatus.Committed } c ? c : null;
        w.WriteString("runId", committed?.RunId.Value);
        w.WriteString("commit", committed?.Commit);
        ReportJson.WriteStrings(w, "tags", committed?.Tags ?? []);
        if (step.Verify is { } verify)
        {
            w.WriteStartObject("verify");
            w.WriteString("command", verify.Command);
            w.WriteNumber("exitCode", verify.ExitCode);
            w.WriteString("output", verify.Output);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("verify");
        }

        if (step.Changes is { } changes)
        {
            w.WriteStartObject("run");
            ChangeSetJson.WriteBody(w, changes, versions);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("run");
        }

        w.WriteEndObject();
    }
}
