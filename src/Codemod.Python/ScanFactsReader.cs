using System.Text.Json;
using Codemod.Core.Scan;

namespace Codemod.Python;

/// <summary>Reads the worker's <c>scan</c> response (shape documented in <c>codemods/_scan.py</c>): an outcome, or the facts of every registered kind.</summary>
internal static class ScanFactsReader
{
    public static FileScan Read(string path, JsonElement response)
    {
        if (!response.GetProperty("ok").GetBoolean())
        {
            return FileScan.Failed(path, "worker refused the request: " + WorkerProtocol.OptionalString(response, "error"));
        }

        if (WorkerProtocol.OptionalString(response, "outcome") == "skipped")
        {
            // A `# codemod: skip-file` comment: the file asks not to be scanned.
            return FileScan.Skipped(path, WorkerProtocol.OptionalString(response, "reason") ?? "skipped");
        }

        if (WorkerProtocol.OptionalString(response, "outcome") != "scanned")
        {
            var reason = WorkerProtocol.OptionalString(response, "reason") ?? "scan failed";
            return FileScan.Failed(path, reason, OptionalInt(response, "line")) with { Reproducible = !reason.Contains("MemoryError", StringComparison.Ordinal) };
        }

        try
        {
            return FileScan.Scanned(path, FileFactsJson.Read(response)) with { Reproducible = true };
        }
        catch (JsonException e)
        {
            return FileScan.Failed(path, "the worker's facts do not fit this engine: " + e.Message);
        }
    }

    private static int? OptionalInt(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;
}
