using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Codemod.Core.Scan;

namespace Codemod.Cli.Rendering;

/// <summary>
/// The scan as SARIF 2.1.0, in the shape GitHub code scanning ingests: one run, the rule catalogue as
/// <c>tool.driver.rules</c>, results with paths relative to <c>%SRCROOT%</c>, and partial fingerprints that survive
/// edits above a finding (they hash the rule, the path and the finding's line-free key, never its line).
/// </summary>
internal static class ScanSarifWriter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public const string SourceRoot = "%SRCROOT%";

    public const string FingerprintName = "codemodFinding/v1";

    // Where the tool is published (the .NET tool package id of Codemod.Cli); the rules' text travels in the log itself.
    public const string InformationUri = "https://www.nuget.org/packages/Codemod.Cli";

    private const int RelatedLocationsListed = 10;

    public static void Write(Stream output, string root, ScanReport report)
    {
        using var w = new Utf8JsonWriter(output, ReportJson.Options);
        w.WriteStartObject();
        w.WriteString("$schema", SchemaUri);
        w.WriteString("version", "2.1.0");
        w.WriteStartArray("runs");
        w.WriteStartObject();
        WriteTool(w, report.Rules);
        w.WriteStartObject("originalUriBaseIds");
        w.WriteStartObject(SourceRoot);
        w.WriteString("uri", new Uri(root.TrimEnd('/', '\\') + "/").AbsoluteUri);
        w.WriteEndObject();
        w.WriteEndObject();
        WriteInvocation(w, report);
        w.WriteString("columnKind", "unicodeCodePoints");
        w.WriteStartArray("results");
        var groups = report.Findings.Where(f => f.Group is not null).ToLookup(f => f.Group!, StringComparer.Ordinal);
        var occurrences = new Dictionary<(string, string, string), int>();
        foreach (var finding in report.Findings)
        {
            var identity = (finding.Rule, finding.Path, finding.Key);
            var occurrence = occurrences.GetValueOrDefault(identity);
            occurrences[identity] = occurrence + 1;
            var related = finding.Group is null ? [] : groups[finding.Group].Where(f => !ReferenceEquals(f, finding)).Take(RelatedLocationsListed).ToList();
            WriteResult(w, report, finding, occurrence, related, suppressed: false);
        }

        // Suppressed findings stay in the log, marked as SARIF in-source suppressions: code scanning shows them as
        // suppressed instead of losing them. Written after the others, so their fingerprints never shift the others'.
        foreach (var finding in report.Suppressed)
        {
            var identity = (finding.Rule, finding.Path, finding.Key);
            var occurrence = occurrences.GetValueOrDefault(identity);
            occurrences[identity] = occurrence + 1;
            WriteResult(w, report, finding, occurrence, [], suppressed: true);
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        ReportJson.Finish(w, output);
    }

    /// <summary>A relative path as a URI reference: each segment escaped, '/' kept.</summary>
    public static string RelativeUri(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    private static void WriteTool(Utf8JsonWriter w, IReadOnlyList<ScanRule> rules)
    {
        w.WriteStartObject("tool");
        w.WriteStartObject("driver");
        w.WriteString("name", "codemod");
        w.WriteString("version", EngineInfo.Version);
        w.WriteString("semanticVersion", EngineInfo.Version);
        w.WriteString("informationUri", InformationUri);
        w.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            w.WriteStartObject();
            w.WriteString("id", rule.Id);
            w.WriteString("name", string.Concat(rule.Id.Split('-').Select(p => char.ToUpperInvariant(p[0]) + p[1..])));
            w.WriteStartObject("shortDescription");
            w.WriteString("text", rule.ShortDescription);
            w.WriteEndObject();
            w.WriteStartObject("fullDescription");
            w.WriteString("text", rule.FullDescription);
            w.WriteEndObject();
            w.WriteStartObject("help");
            w.WriteString("text", rule.FullDescription);
            w.WriteEndObject();
            w.WriteStartObject("defaultConfiguration");
            w.WriteString("level", Level(rule.Level));
            w.WriteEndObject();
            w.WriteStartObject("properties");
            w.WriteStartArray("tags");
            w.WriteStringValue("maintainability");
            w.WriteStringValue("single-source-of-truth");
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    // Files that could not be scanned are not results (no rule was violated) but must not pass for clean: notifications.
    private static void WriteInvocation(Utf8JsonWriter w, ScanReport report)
    {
        w.WriteStartArray("invocations");
        w.WriteStartObject();
        w.WriteBoolean("executionSuccessful", true);
        w.WriteStartArray("toolExecutionNotifications");
        foreach (var (file, level) in report.Failed.Select(f => (f, "error")).Concat(report.Skipped.Select(f => (f, "note"))))
        {
            w.WriteStartObject();
            w.WriteString("level", level);
            w.WriteStartObject("message");
            w.WriteString("text", $"{(level == "error" ? "not scanned" : "skipped")}: {file.Reason}");
            w.WriteEndObject();
            w.WriteStartArray("locations");
            WriteLocation(w, file.Path, file.Line ?? 1, null, null);
            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
    }

    private static void WriteResult(Utf8JsonWriter w, ScanReport report, Finding finding, int occurrence, IReadOnlyList<Finding> related, bool suppressed)
    {
        w.WriteStartObject();
        w.WriteString("ruleId", finding.Rule);
        w.WriteNumber("ruleIndex", report.RuleIndex(finding.Rule));
        w.WriteString("level", Level(report.Rules[report.RuleIndex(finding.Rule)].Level));
        w.WriteStartObject("message");
        w.WriteString("text", finding.Message);
        w.WriteEndObject();
        w.WriteStartArray("locations");
        WriteLocation(w, finding.Path, finding.Line, finding.Column, null);
        w.WriteEndArray();
        if (related.Count > 0)
        {
            w.WriteStartArray("relatedLocations");
            foreach (var (other, index) in related.Select((f, i) => (f, i)))
            {
                WriteLocation(w, other.Path, other.Line, null, (index + 1, "another definition in the group"));
            }

            w.WriteEndArray();
        }

        if (suppressed)
        {
            w.WriteStartArray("suppressions");
            w.WriteStartObject();
            w.WriteString("kind", "inSource");
            w.WriteEndObject();
            w.WriteEndArray();
        }

        w.WriteStartObject("partialFingerprints");
        w.WriteString(FingerprintName, Fingerprint(finding, occurrence));
        w.WriteEndObject();
        w.WriteStartObject("properties");
        if (finding.Group is not null)
        {
            w.WriteString("group", finding.Group);
        }

        w.WriteString("scope", finding.InTest ? "test" : "production");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteLocation(Utf8JsonWriter w, string path, int line, int? column, (int Id, string Message)? related)
    {
        w.WriteStartObject();
        if (related is { } r)
        {
            w.WriteNumber("id", r.Id);
            w.WriteStartObject("message");
            w.WriteString("text", r.Message);
            w.WriteEndObject();
        }

        w.WriteStartObject("physicalLocation");
        w.WriteStartObject("artifactLocation");
        w.WriteString("uri", RelativeUri(path));
        w.WriteString("uriBaseId", SourceRoot);
        w.WriteEndObject();
        w.WriteStartObject("region");
        w.WriteNumber("startLine", Math.Max(1, line));
        if (column is { } c)
        {
            w.WriteNumber("startColumn", c + 1);
        }

        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static string Fingerprint(Finding finding, int occurrence) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{finding.Rule}\0{finding.Path}\0{finding.Key}\0{occurrence}")))[..32];

    private static string Level(FindingLevel level) => level switch
    {
        FindingLevel.Error => "error",
        FindingLevel.Warning => "warning",
        _ => "note",
    };
}
