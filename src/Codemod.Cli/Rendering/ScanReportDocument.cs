using System.Globalization;
using System.Text.Json.Serialization;
using Codemod.Core.Scan;

namespace Codemod.Cli.Rendering;

/// <summary>
/// <c>codemod scan --format json</c> and the baseline it reads back (docs/schemas/scan-report.schema.json). Nothing in it
/// depends on the machine or the clock beyond <c>root</c> and <c>today</c>.
/// </summary>
internal sealed record ScanReportDocument(
    [property: JsonRequired] int SchemaVersion,
    [property: JsonRequired] string Command,
    string Root,
    string Today,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Arguments,
    ScanFileCounts Files,
    [property: JsonRequired] IReadOnlyDictionary<string, int> Totals,
    ScanSuppressedDocument? Suppressed,
    IReadOnlyList<ScanFindingDocument> Findings,
    IReadOnlyList<ScanFileDocument> Failed,
    IReadOnlyList<ScanFileDocument> Skipped,
    IReadOnlyList<ScanPackageDocument> Packages)
{
    public const string ScanCommand = "scan";

    public static ScanReportDocument From(string root, ScanReport report, IReadOnlyDictionary<string, IReadOnlyList<string>> arguments) => new(
        DocumentJson.SchemaVersion,
        ScanCommand,
        root,
        report.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        new SortedDictionary<string, IReadOnlyList<string>>(arguments.ToDictionary(), StringComparer.Ordinal),
        new ScanFileCounts(report.FilesFound, report.FilesScanned, report.Failed.Count, report.Skipped.Count),
        Ordered(report.Totals.Select(t => (t.Rule.Id, t.Count))),
        new ScanSuppressedDocument(report.Suppressed.Count, Ordered(report.Totals.Where(t => t.Suppressed > 0).Select(t => (t.Rule.Id, t.Suppressed)))),
        [.. report.Findings.Select(f => new ScanFindingDocument(
            f.Rule, f.Path, f.Line, f.Column, f.Message, f.Group, Describe(f.InTest),
            new SortedDictionary<string, object>(f.Properties.ToDictionary(), StringComparer.Ordinal)))],
        [.. report.Failed.Select(ScanFileDocument.From)],
        [.. report.Skipped.Select(ScanFileDocument.From)],
        [.. report.Packages.Select(p => new ScanPackageDocument(p.Package, p.Total, Ordered(p.ByRule.Select(r => (r.Key, r.Value)))))]);

    private static string Describe(bool inTest) => inTest ? "test" : "production";

    // Catalogue order, as the report has it: an insertion-ordered dictionary.
    private static OrderedDictionary<string, int> Ordered(IEnumerable<(string Rule, int Count)> counts)
    {
        var ordered = new OrderedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (rule, count) in counts)
        {
            ordered[rule] = count;
        }

        return ordered;
    }
}

/// <summary>How many files a scan found, scanned, failed and skipped.</summary>
internal sealed record ScanFileCounts(int Found, int Scanned, int Failed, int Skipped);

/// <summary>Findings a <c># codemod: ignore</c> comment suppressed: how many, and per rule (rules without any left out).</summary>
internal sealed record ScanSuppressedDocument(int Total, IReadOnlyDictionary<string, int> Rules);

/// <summary>One finding of the scan report; <c>column</c> and <c>group</c> are null when the rule has none.</summary>
internal sealed record ScanFindingDocument(
    string Rule, string Path, int Line, int? Column, string Message, string? Group, string Scope, IReadOnlyDictionary<string, object> Properties);

/// <summary>A file the scan could not read or parse, and why.</summary>
internal sealed record ScanFileDocument(string Path, string? Reason, int? Line)
{
    public static ScanFileDocument From(FileScan file) => new(file.Path, file.Reason, file.Line);
}

/// <summary>Findings under one top-level package, per rule (rules without findings left out).</summary>
internal sealed record ScanPackageDocument(string Package, int Total, IReadOnlyDictionary<string, int> Rules);
