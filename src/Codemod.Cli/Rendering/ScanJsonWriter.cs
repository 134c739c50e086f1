using Codemod.Core.Scan;

namespace Codemod.Cli.Rendering;

/// <summary>Writes the machine-readable scan report, <see cref="ScanReportDocument"/>; also the baseline format.</summary>
internal static class ScanJsonWriter
{
    public static void Write(Stream output, string root, ScanReport report, IReadOnlyDictionary<string, IReadOnlyList<string>> arguments) =>
        DocumentJson.Write(output, ScanReportDocument.From(root, report, arguments), DocumentJson.Readable.ScanReportDocument);
}
