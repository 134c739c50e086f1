using System.Text.Json;
using System.Text.Json.Serialization;

namespace Codemod.Cli.Rendering;

/// <summary>
/// The run a patch came from (codemod, version, arguments, Python and LibCST versions), on the patch's first line: what
/// <c>apply --from-patch --commit</c> writes into the commit message. ASCII JSON, so every patch encoding carries it.
/// </summary>
internal sealed record PatchMetadata(
    [property: JsonRequired] string Codemod,
    [property: JsonRequired] string Version,
    [property: JsonRequired] IReadOnlyDictionary<string, IReadOnlyList<string>> Arguments,
    [property: JsonRequired] IReadOnlyDictionary<string, string> Versions)
{
    public static string ToJson(Core.Changes.ChangeSet changes, IReadOnlyDictionary<string, string>? versions)
    {
        var metadata = new PatchMetadata(
            changes.Codemod,
            changes.CodemodVersion,
            Sorted(changes.Arguments),
            Sorted(versions ?? new Dictionary<string, string>()));

        // One line: the writer's defaults (not indented, non-ASCII escaped) override the context's indentation.
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            JsonSerializer.Serialize(w, metadata, DocumentJson.Escaped.PatchMetadata);
        }

        return System.Text.Encoding.ASCII.GetString(buffer.ToArray());
    }

    /// <summary>The metadata, or null when the line is absent or not ours.</summary>
    public static PatchMetadata? Parse(string? json)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            var read = JsonSerializer.Deserialize(json, DocumentJson.Escaped.PatchMetadata);
            if (read?.Arguments is null || read.Versions is null)
            {
                return null;
            }

            // Null strings inside a line we wrote cannot occur; a hand-edited one still yields a usable commit message.
            return new PatchMetadata(
                read.Codemod ?? "patch",
                read.Version ?? "0",
                read.Arguments.ToDictionary(a => a.Key, a => (IReadOnlyList<string>)[.. (a.Value ?? []).Select(v => v ?? string.Empty)], StringComparer.Ordinal),
                read.Versions.ToDictionary(v => v.Key, v => v.Value ?? string.Empty, StringComparer.Ordinal));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static OrderedDictionary<string, T> Sorted<T>(IReadOnlyDictionary<string, T> values)
    {
        var sorted = new OrderedDictionary<string, T>(StringComparer.Ordinal);
        foreach (var (name, value) in values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            sorted[name] = value;
        }

        return sorted;
    }
}
