using System.Text.Encodings.Web;
using System.Text.Json;

namespace Codemod.Cli.Rendering;

/// <summary>Writer settings of the SARIF log (the scan and mro documents use the same through DocumentJson.Readable): readable (no \u escapes for quotes or arrows), '\n' on every OS.</summary>
internal static class ReportJson
{
    public static JsonWriterOptions Options { get; } = new()
    {
        Indented = true,
        NewLine = "\n",
        // These documents go to files and pipes, never into HTML: readable messages beat escaping '<' and '\''.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A named array of strings, the shape most report fields share.</summary>
    public static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string?> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }

    /// <summary>Ends a document with a newline, as text files do.</summary>
    public static void Finish(Utf8JsonWriter w, Stream output)
    {
        w.Flush();
        output.WriteByte((byte)'\n');
        output.Flush();
    }
}
