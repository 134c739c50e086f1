using System.Text.Json;

namespace Codemod.Cli.Rendering;

/// <summary>
/// The run a patch came from (codemod, version, arguments, Python and LibCST versions), on the patch's first line: what
/// <c>apply --from-patch --commit</c> writes into the commit message. ASCII JSON, so every patch encoding carries it.
/// </summary>
internal sealed record PatchMetadata(string Codemod, string Version, IReadOnlyDictionary<string, IReadOnlyList<string>> Arguments, IReadOnlyDictionary<string, string> Versions)
{
    public static string ToJson(Core.Changes.ChangeSet changes, IReadOnlyDictionary<string, string>? versions)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("codemod", changes.Codemod);
            w.WriteString("version", changes.CodemodVersion);
            w.WriteStartObject("arguments");
            foreach (var (name, values) in changes.Arguments.OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                ReportJson.WriteStrings(w, name, values);
            }

            w.WriteEndObject();
            w.WriteStartObject("versions");
            foreach (var (name, value) in (versions ?? new Dictionary<string, string>()).OrderBy(v => v.Key, StringComparer.Ordinal))
            {
                w.WriteString(name, value);
            }

            w.WriteEndObject();
            w.WriteEndObject();
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
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            return new PatchMetadata(
                root.GetProperty("codemod").GetString() ?? "patch",
                root.GetProperty("version").GetString() ?? "0",
                root.GetProperty("arguments").EnumerateObject().ToDictionary(p => p.Name, p => (IReadOnlyList<string>)[.. p.Value.EnumerateArray().Select(v => v.GetString() ?? string.Empty)], StringComparer.Ordinal),
                root.GetProperty("versions").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty, StringComparer.Ordinal));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            return null;
        }
    }
}
