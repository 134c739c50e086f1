using System.Text.Json.Serialization;
using Codemod.Core.Changes;
using Codemod.Core.Scan;
using Codemod.Core.Transform;

namespace Codemod.Core.Cache;

/// <summary>A transform outcome as stored: everything but the path and the original bytes, which the lookup supplies.</summary>
internal sealed record CachedOutcome(
    OutcomeKind Kind,
    string? Reason,
    int? Line,
    byte[]? NewBytes,
    IReadOnlyList<ChangeRecord> Changes,
    IReadOnlyList<ChangeRecord> Reviews,
    IReadOnlyList<BreakingRecord> Breaking,
    IReadOnlyList<SuppressedRecord>? Suppressed = null);

/// <summary>A scan outcome as stored, without its path.</summary>
internal sealed record CachedScan(ScanOutcomeKind Kind, FileFacts? Facts, string? Reason, int? Line);

// Generated serializers: no reflection warm-up on a run where thousands of entries are read back.
[JsonSourceGenerationOptions(IgnoreReadOnlyProperties = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CachedOutcome))]
[JsonSerializable(typeof(CachedScan))]
[JsonSerializable(typeof(List<CodemodInfo>))]
[JsonSerializable(typeof(List<string>))]
internal sealed partial class CacheJson : JsonSerializerContext;
