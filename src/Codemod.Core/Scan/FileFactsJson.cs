using System.Text.Json;
using System.Text.Json.Serialization;

namespace Codemod.Core.Scan;

/// <summary>
/// The facts of one file in the worker's JSON shape (documented in <c>codemods/_scan.py</c>): the module header, then one
/// list per fact kind. Read generically: every registered kind's list becomes its records, so a new fact needs no reader code.
/// The result cache stores facts in the same shape.
/// </summary>
public static class FileFactsJson
{
    // Reflection, not a generated context: the fact kinds are open (registered by attribute), and a context would need
    // one line per kind. camelCase names and enums ("from") are the worker's; unknown fields are ignored.
    private static readonly JsonSerializerOptions Items = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        IgnoreReadOnlyProperties = true,
    };

    /// <summary>Reads the facts of every kind in <paramref name="kinds"/> (default: <see cref="ScanCatalogue.Default"/>'s).</summary>
    /// <exception cref="JsonException">The header is missing or a fact does not fit its record.</exception>
    public static FileFacts Read(JsonElement element, IEnumerable<ScanFactKind>? kinds = null)
    {
        if (element.ValueKind != JsonValueKind.Object
            || !element.TryGetProperty("module", out var module) || module.ValueKind != JsonValueKind.String
            || !element.TryGetProperty("package", out var package) || package.ValueKind != JsonValueKind.String)
        {
            throw new JsonException("scan facts need a module and a package");
        }

        var facts = new FileFacts
        {
            Module = module.GetString()!,
            Package = package.GetString()!,
            IsTest = Flag(element, "isTest"),
            Allowed = Flag(element, "allowed"),
            AllNames = element.TryGetProperty("allAll", out var all) && all.ValueKind == JsonValueKind.Array
                ? [.. all.EnumerateArray().Select(n => n.GetString() ?? string.Empty)]
                : null,
        };
        var lists = facts.Facts.ToBuilder();
        foreach (var kind in kinds ?? ScanCatalogue.Default.FactKinds)
        {
            if (element.TryGetProperty(kind.Name, out var list) && list.ValueKind == JsonValueKind.Array)
            {
                lists[kind.Name] = list.Deserialize(typeof(List<>).MakeGenericType(kind.RecordType), Items)!;
            }
        }

        return facts with { Facts = lists.ToImmutable() };
    }

    public static void Write(Utf8JsonWriter w, FileFacts facts)
    {
        w.WriteStartObject();
        w.WriteString("module", facts.Module);
        w.WriteString("package", facts.Package);
        w.WriteBoolean("isTest", facts.IsTest);
        w.WriteBoolean("allowed", facts.Allowed);
        foreach (var (kind, list) in facts.Facts)
        {
            w.WritePropertyName(kind);
            JsonSerializer.Serialize(w, list, list.GetType(), Items);
        }

        if (facts.AllNames is { } names)
        {
            w.WritePropertyName("allAll");
            JsonSerializer.Serialize(w, names, Items);
        }

        w.WriteEndObject();
    }

    private static bool Flag(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;
}
