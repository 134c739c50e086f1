using System.Text.Encodings.Web;
using System.Text.Json;

namespace Codemod.Cli.Rendering;

/// <summary>Writer settings shared by the scan and mro documents: readable (no \u escapes for quotes or arrows), '\n' on every OS.</summary>
internal static class ReportJson
{
    public static JsonWriterOptions Options { get; } = new()
    {
        Indented = true,
        NewLine = "\n",
        // These documents go to files and pipes, never into HTML: readable messages beat escaping '<' and '\''.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void WriteValue(Utf8JsonWriter w, object value)
    {
        switch (value)
        {
            case bool b:
                w.WriteBooleanValue(b);
                break;
            case int i:
                w.WriteNumberValue(i);
                break;
            default:
                w.WriteStringValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
        }
    }

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
