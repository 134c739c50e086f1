using System.Text.Encodings.Web;
using System.Text.Json;

namespace Codemod.Cli.Rendering;

/// <summary>Writer settings of the SARIF log, the one document still written field by field (the scan and mro documents use the same through DocumentJson.Readable): readable (no \u escapes for quotes or arrows), '\n' on every OS.</summary>
internal static class ReportJson
{
    public static JsonWriterOptions Options { get; } = new()
    {
        Indented = true,
        NewLine = "\n",
        // These documents go to files and pipes, never into HTML: readable messages beat escaping '<' and '\''.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Ends a document with a newline, as text files do.</summary>
    public static void Finish(Utf8JsonWriter w, Stream output)
    {
        w.Flush();
        output.WriteByte((byte)'\n');
        output.Flush();
    }
}
