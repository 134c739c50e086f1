using System.Text.Json;
using Codemod.Core.Inheritance;
using Codemod.Core.Scan;

namespace Codemod.Cli.Rendering;

/// <summary><c>codemod mro --format json</c>: one object per matching class, versioned by <see cref="SchemaVersion"/>.</summary>
internal static class MroJsonWriter
{
    public const int SchemaVersion = 1;

    public static void Write(Stream output, string pattern, InheritanceReport report, IReadOnlyList<FileScan> failed)
    {
        using var w = new Utf8JsonWriter(output, ReportJson.Options);
        w.WriteStartObject();
        w.WriteNumber("schemaVersion", SchemaVersion);
        w.WriteString("command", "mro");
        w.WriteString("pattern", pattern);
        w.WriteStartArray("classes");
        foreach (var lineage in report.Classes)
        {
            var c = lineage.Class;
            w.WriteStartObject();
            w.WriteString("name", c.Name);
            w.WriteString("qualifiedName", c.QualifiedName);
            w.WriteString("module", c.Module);
            w.WriteString("path", c.Path);
            w.WriteNumber("line", c.Line);
            w.WriteStartArray("bases");
            foreach (var reference in lineage.Bases)
            {
                w.WriteStartObject();
                w.WriteString("source", reference.Source);
                w.WriteString("name", reference.Name);
                w.WriteString("kind", reference.Kind.ToString().ToLowerInvariant());
                w.WriteBoolean("resolved", reference.Resolved);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (lineage.Mro is { } mro)
            {
                w.WriteStartArray("mro");
                mro.ToList().ForEach(w.WriteStringValue);
                w.WriteEndArray();
            }
            else
            {
                w.WriteNull("mro");
            }

            w.WriteStartArray("unresolved");
            lineage.Unresolved.ToList().ForEach(w.WriteStringValue);
            w.WriteEndArray();
            w.WriteString("error", lineage.Error);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("failed");
        foreach (var file in failed)
        {
            w.WriteStartObject();
            w.WriteString("path", file.Path);
            w.WriteString("reason", file.Reason);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        ReportJson.Finish(w, output);
    }
}
