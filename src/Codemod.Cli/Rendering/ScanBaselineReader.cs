using System.Text.Json;
using Codemod.Core.Settings;

namespace Codemod.Cli.Rendering;

/// <summary>Reads the per-rule totals of an earlier <c>codemod scan --format json</c> report; anything else is a one-line user error.</summary>
internal static class ScanBaselineReader
{
    public static IReadOnlyDictionary<string, int> ReadTotals(string path, string shownAs)
    {
        if (Directory.Exists(path))
        {
            throw new UserError($"baseline '{shownAs}' is a folder: pass the JSON file `codemod scan --write-baseline FILE` wrote");
        }

        if (!File.Exists(path))
        {
            throw new UserError($"baseline '{shownAs}' does not exist: create it with `codemod scan --write-baseline {shownAs}`");
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("schemaVersion", out var version) || version.ValueKind != JsonValueKind.Number
                || !root.TryGetProperty("command", out var command) || command.ValueKind != JsonValueKind.String || command.GetString() != ScanJsonWriter.Command
                || !root.TryGetProperty("totals", out var totals) || totals.ValueKind != JsonValueKind.Object
                || totals.EnumerateObject().Any(t => t.Value.ValueKind != JsonValueKind.Number || !t.Value.TryGetInt32(out var n) || n < 0))
            {
                throw NotOurs(shownAs);
            }

            if (version.GetInt32() > ScanJsonWriter.SchemaVersion)
            {
                throw new UserError($"baseline '{shownAs}' has schemaVersion {version.GetInt32()}, newer than this codemod's {ScanJsonWriter.SchemaVersion}: upgrade codemod");
            }

            return totals.EnumerateObject().ToDictionary(t => t.Name, t => t.Value.GetInt32(), StringComparer.Ordinal);
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            throw NotOurs(shownAs);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserError($"cannot read baseline '{shownAs}': {e.Message}");
        }
    }

    private static UserError NotOurs(string shownAs) =>
        new($"baseline '{shownAs}' is not a codemod scan JSON report (schemaVersion, command \"scan\", totals): write one with --write-baseline");
}
