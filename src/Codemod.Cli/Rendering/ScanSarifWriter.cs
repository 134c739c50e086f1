using System.Security.Cryptography;
using System.Text;
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

    public static void Write(Stream output, string root, ScanReport report) =>
        DocumentJson.Write(output, Log(root, report), DocumentJson.Readable.SarifLog);

    /// <summary>A relative path as a URI reference: each segment escaped, '/' kept.</summary>
    public static string RelativeUri(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    private static SarifLog Log(string root, ScanReport report)
    {
        var results = new List<SarifResult>();
        var groups = report.Findings.Where(f => f.Group is not null).ToLookup(f => f.Group!, StringComparer.Ordinal);
        var occurrences = new Dictionary<(string, string, string), int>();
        foreach (var finding in report.Findings)
        {
            var related = finding.Group is null ? [] : groups[finding.Group].Where(f => !ReferenceEquals(f, finding)).Take(RelatedLocationsListed).ToList();
            results.Add(Result(report, finding, Occurrence(occurrences, finding), related, suppressed: false));
        }

        // Suppressed findings stay in the log, marked as SARIF in-source suppressions: code scanning shows them as
        // suppressed instead of losing them. Listed after the others, so their fingerprints never shift the others'.
        foreach (var finding in report.Suppressed)
        {
            results.Add(Result(report, finding, Occurrence(occurrences, finding), [], suppressed: true));
        }

        var run = new SarifRun(
            Tool(report.Rules),
            new Dictionary<string, SarifUri> { [SourceRoot] = new(new Uri(root.TrimEnd('/', '\\') + "/").AbsoluteUri) },
            [Invocation(report)],
            "unicodeCodePoints",
            results);
        return new SarifLog(SchemaUri, "2.1.0", [run]);
    }

    private static int Occurrence(Dictionary<(string, string, string), int> occurrences, Finding finding)
    {
        var identity = (finding.Rule, finding.Path, finding.Key);
        var occurrence = occurrences.GetValueOrDefault(identity);
        occurrences[identity] = occurrence + 1;
        return occurrence;
    }

    private static SarifTool Tool(IReadOnlyList<ScanRule> rules) => new(new SarifDriver(
        "codemod",
        EngineInfo.Version,
        EngineInfo.Version,
        InformationUri,
        [.. rules.Select(rule => new SarifRule(
            rule.Id,
            string.Concat(rule.Id.Split('-').Select(p => char.ToUpperInvariant(p[0]) + p[1..])),
            new SarifMessage(rule.ShortDescription),
            new SarifMessage(rule.FullDescription),
            new SarifMessage(rule.FullDescription),
            new SarifRuleConfiguration(Level(rule.Level)),
            new SarifRuleProperties(["maintainability", "single-source-of-truth"])))]));

    // Files that could not be scanned are not results (no rule was violated) but must not pass for clean: notifications.
    private static SarifInvocation Invocation(ScanReport report) => new(
        ExecutionSuccessful: true,
        [.. report.Failed.Select(f => (File: f, Level: "error")).Concat(report.Skipped.Select(f => (File: f, Level: "note"))).Select(n => new SarifNotification(
            n.Level,
            new SarifMessage($"{(n.Level == "error" ? "not scanned" : "skipped")}: {n.File.Reason}"),
            [Location(n.File.Path, n.File.Line ?? 1, null, null)]))]);

    private static SarifResult Result(ScanReport report, Finding finding, int occurrence, IReadOnlyList<Finding> related, bool suppressed) => new(
        finding.Rule,
        report.RuleIndex(finding.Rule),
        Level(report.Rules[report.RuleIndex(finding.Rule)].Level),
        new SarifMessage(finding.Message),
        [Location(finding.Path, finding.Line, finding.Column, null)],
        related.Count > 0 ? [.. related.Select((other, index) => Location(other.Path, other.Line, null, (index + 1, "another definition in the group")))] : null,
        suppressed ? [new SarifSuppression("inSource")] : null,
        new Dictionary<string, string> { [FingerprintName] = Fingerprint(finding, occurrence) },
        new SarifResultProperties(finding.Group, finding.InTest ? "test" : "production"));

    private static SarifLocation Location(string path, int line, int? column, (int Id, string Message)? related) => new(
        related?.Id,
        related is { } r ? new SarifMessage(r.Message) : null,
        new SarifPhysicalLocation(new SarifArtifactLocation(RelativeUri(path), SourceRoot), new SarifRegion(Math.Max(1, line), column + 1)));

    private static string Fingerprint(Finding finding, int occurrence) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{finding.Rule}\0{finding.Path}\0{finding.Key}\0{occurrence}")))[..32];

    private static string Level(FindingLevel level) => level switch
    {
        FindingLevel.Error => "error",
        FindingLevel.Warning => "warning",
        _ => "note",
    };
}
