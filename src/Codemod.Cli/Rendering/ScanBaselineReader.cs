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
            // The type the report is written from: a baseline is a scan report, read back whole.
            var report = JsonSerializer.Deserialize(File.ReadAllBytes(path), DocumentJson.Readable.ScanReportDocument);
            if (report is not { Command: ScanReportDocument.ScanCommand, Totals: { } totals } || totals.Values.Any(n => n < 0))
            {
                throw NotOurs(shownAs);
            }

            if (report.SchemaVersion > DocumentJson.SchemaVersion)
            {
                throw new UserError($"baseline '{shownAs}' has schemaVersion {report.SchemaVersion}, newer than this codemod's {DocumentJson.SchemaVersion}: upgrade codemod");
            }

            return totals;
        }
        catch (Exception e) when (e is JsonException or FormatException or NotSupportedException)
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
