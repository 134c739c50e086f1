using System.Text.Json.Serialization;

namespace Codemod.Cli.Rendering;

/// <summary>The part of a SARIF 2.1.0 log the scan writes (<see cref="ScanSarifWriter"/>); optional members are left out when null.</summary>
internal sealed record SarifLog([property: JsonPropertyName("$schema")] string Schema, string Version, IReadOnlyList<SarifRun> Runs);

/// <summary>One tool run: the rule catalogue, where relative paths start, the files not scanned, and the results.</summary>
internal sealed record SarifRun(
    SarifTool Tool,
    IReadOnlyDictionary<string, SarifUri> OriginalUriBaseIds,
    IReadOnlyList<SarifInvocation> Invocations,
    string ColumnKind,
    IReadOnlyList<SarifResult> Results);

/// <summary>The tool, as its driver.</summary>
internal sealed record SarifTool(SarifDriver Driver);

/// <summary>The tool's name, version, home and rules.</summary>
internal sealed record SarifDriver(string Name, string Version, string SemanticVersion, string InformationUri, IReadOnlyList<SarifRule> Rules);

/// <summary>One rule of the catalogue; results point to it by <c>ruleIndex</c>.</summary>
internal sealed record SarifRule(
    string Id,
    string Name,
    SarifMessage ShortDescription,
    SarifMessage FullDescription,
    SarifMessage Help,
    SarifRuleConfiguration DefaultConfiguration,
    SarifRuleProperties Properties);

/// <summary>A rule's level when nothing overrides it.</summary>
internal sealed record SarifRuleConfiguration(string Level);

/// <summary>A rule's tags.</summary>
internal sealed record SarifRuleProperties(IReadOnlyList<string> Tags);

/// <summary>A text, the shape of every SARIF message and description.</summary>
internal sealed record SarifMessage(string Text);

/// <summary>An absolute base URI that relative result paths resolve against.</summary>
internal sealed record SarifUri(string Uri);

/// <summary>The run's invocation: files that could not be scanned are notifications, not results.</summary>
internal sealed record SarifInvocation(bool ExecutionSuccessful, IReadOnlyList<SarifNotification> ToolExecutionNotifications);

/// <summary>A file that failed (<c>error</c>) or was skipped (<c>note</c>), and why.</summary>
internal sealed record SarifNotification(string Level, SarifMessage Message, IReadOnlyList<SarifLocation> Locations);

/// <summary>One finding: its rule, place, related places (other members of its group), suppression and fingerprint.</summary>
internal sealed record SarifResult(
    string RuleId,
    int RuleIndex,
    string Level,
    SarifMessage Message,
    IReadOnlyList<SarifLocation> Locations,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<SarifLocation>? RelatedLocations,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<SarifSuppression>? Suppressions,
    IReadOnlyDictionary<string, string> PartialFingerprints,
    SarifResultProperties Properties);

/// <summary>A suppression of a result: <c>inSource</c> for a <c># codemod: ignore</c> comment.</summary>
internal sealed record SarifSuppression(string Kind);

/// <summary>A result's group (findings that are one problem together) and whether it is in test or production code.</summary>
internal sealed record SarifResultProperties([property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Group, string Scope);

/// <summary>A place in a file; a related location also has an id and a message.</summary>
internal sealed record SarifLocation(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Id,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SarifMessage? Message,
    SarifPhysicalLocation PhysicalLocation);

/// <summary>A file (relative to a base URI) and a region in it.</summary>
internal sealed record SarifPhysicalLocation(SarifArtifactLocation ArtifactLocation, SarifRegion Region);

/// <summary>A file as a URI reference relative to <c>uriBaseId</c>.</summary>
internal sealed record SarifArtifactLocation(string Uri, string UriBaseId);

/// <summary>A start line, and a 1-based start column when known.</summary>
internal sealed record SarifRegion(int StartLine, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? StartColumn);
