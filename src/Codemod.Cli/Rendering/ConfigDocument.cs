using System.Text.Json;

namespace Codemod.Cli.Rendering;

/// <summary>The document of <c>codemod config --format json</c> (docs/schemas/config.schema.json): each setting, its value and where it came from.</summary>
internal sealed record ConfigDocument(int SchemaVersion, string Command, string? ConfigFile, IReadOnlyList<ConfigSettingDocument> Settings);

/// <summary>
/// One resolved setting. <see cref="Value"/> is the setting's own JSON type (a number, a string, a list of strings, or
/// null), so it is carried as a JSON value built by <see cref="ValueOf"/>.
/// </summary>
internal sealed record ConfigSettingDocument(string Name, JsonElement? Value, string Source, string Where)
{
    public static JsonElement? ValueOf(object? value)
    {
        var json = DocumentJson.Escaped;
        return value switch
        {
            null => null,
            int number => JsonSerializer.SerializeToElement(number, json.Int32),
            double number => JsonSerializer.SerializeToElement(number, json.Double),
            IEnumerable<string> list => JsonSerializer.SerializeToElement<IReadOnlyList<string>>([.. list], json.IReadOnlyListString),
            _ => JsonSerializer.SerializeToElement(value.ToString(), json.String),
        };
    }
}
