using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Codemod.Cli.Rendering;

/// <summary>
/// The one generated serializer of the documents the CLI writes and reads (schemas in <c>docs/schemas/</c>). A new
/// document type is one <c>[JsonSerializable]</c> line. Two instances differ only in escaping: <see cref="Readable"/>
/// (scan, mro, SARIF: files and pipes, never HTML, so '&lt;', '+' and non-ASCII stay as they are) and <see cref="Escaped"/> (the
/// change set, history, rollback, plan, list, config and cache documents, which have always escaped like
/// System.Text.Json's default; the patch's metadata line too, on an unindented writer, which keeps it one ASCII line).
/// </summary>
[JsonSerializable(typeof(ScanReportDocument))]
[JsonSerializable(typeof(MroDocument))]
[JsonSerializable(typeof(ChangeSetDocument))]
[JsonSerializable(typeof(HistoryDocument))]
[JsonSerializable(typeof(RollbackDocument))]
[JsonSerializable(typeof(Plans.PlanReportDocument))]
[JsonSerializable(typeof(CodemodListDocument))]
[JsonSerializable(typeof(ConfigDocument))]
[JsonSerializable(typeof(CacheInfoDocument))]
[JsonSerializable(typeof(PatchMetadata))]
[JsonSerializable(typeof(SarifLog))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(string))]
internal sealed partial class DocumentJson : JsonSerializerContext
{
    /// <summary>The <c>schemaVersion</c> of every document: raised when one of them changes incompatibly.</summary>
    public const int SchemaVersion = 1;

    public static DocumentJson Readable { get; } = new(CreateOptions(JavaScriptEncoder.UnsafeRelaxedJsonEscaping));

    public static DocumentJson Escaped { get; } = new(CreateOptions(encoder: null));

    /// <summary>Writes <paramref name="document"/> and the newline text files end with.</summary>
    public static void Write<T>(Stream output, T document, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        JsonSerializer.Serialize(output, document, type);
        output.WriteByte((byte)'\n');
        output.Flush();
    }

    // '\n' on every OS; nulls are written unless a property says otherwise (a null "group" is part of the shape).
    private static JsonSerializerOptions CreateOptions(JavaScriptEncoder? encoder) => new()
    {
        WriteIndented = true,
        NewLine = "\n",
        Encoder = encoder,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        IgnoreReadOnlyProperties = true,
    };
}
