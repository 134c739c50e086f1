using System.Text.Json;
using System.Text.Json.Serialization;

namespace Codemod.Core.Scan;

/// <summary>Serialises <see cref="FileFacts"/> in the worker's shape wherever it is stored (the result cache).</summary>
internal sealed class FileFactsConverter : JsonConverter<FileFacts>
{
    public override FileFacts Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return FileFactsJson.Read(document.RootElement);
    }

    public override void Write(Utf8JsonWriter writer, FileFacts value, JsonSerializerOptions options) => FileFactsJson.Write(writer, value);
}
