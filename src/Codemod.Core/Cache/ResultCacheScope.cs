using System.Collections.Frozen;
using System.Text.Json;
using Codemod.Core.Changes;
using Codemod.Core.Files;
using Codemod.Core.Scan;
using Codemod.Core.Transform;

namespace Codemod.Core.Cache;

/// <summary>
/// A result cache as one run sees it: the store plus the fingerprint every key of the run shares (engine, Python and
/// LibCST versions, the codemods' source files, the bytes of files named by arguments). Builds the keys and turns
/// outcomes into entries and back; an entry that does not decode is a miss.
/// </summary>
public sealed class ResultCacheScope(IResultCache cache, string fingerprint)
{
    public string Fingerprint { get; } = fingerprint;

    /// <summary>
    /// The key of one file's transform: its path and bytes, the codemod and its version, arguments and context modules,
    /// and the excluded lines when there are any (a run that excludes sites never answers from, or for, the normal run).
    /// </summary>
    public string TransformKey(SourceFile file, CodemodInfo codemod, IReadOnlyDictionary<string, IReadOnlyList<string>> arguments, IReadOnlyDictionary<string, byte[]> context, IReadOnlySet<int>? excludedLines = null)
    {
        using var key = new CacheKeyBuilder("transform/1");
        // The path is part of the key: codemods derive module names and allow-lists from it.
        return key.Add(Fingerprint).Add(codemod.Name).Add(codemod.Version).Add(arguments).Add(context).Add(file.RelativePath).Add(file.Hash)
            .AddExcludedLines(excludedLines ?? FrozenSet<int>.Empty).Build();
    }

    /// <summary>The key of <paramref name="request"/>'s transform (<see cref="TransformKey(SourceFile, CodemodInfo, IReadOnlyDictionary{string, IReadOnlyList{string}}, IReadOnlyDictionary{string, byte[]}, IReadOnlySet{int}?)"/>).</summary>
    public string TransformKey(TransformRequest request, CodemodInfo codemod) =>
        TransformKey(request.File, codemod, request.Arguments, request.ContextModules, request.ExcludedLines);

    public string ScanKey(SourceFile file, IReadOnlyDictionary<string, IReadOnlyList<string>> arguments)
    {
        using var key = new CacheKeyBuilder("scan/1");
        return key.Add(Fingerprint).Add(arguments).Add(file.RelativePath).Add(file.Hash).Build();
    }

    public string PrefilterKey(CodemodInfo codemod, IReadOnlyDictionary<string, IReadOnlyList<string>> arguments)
    {
        using var key = new CacheKeyBuilder("prefilter/1");
        return key.Add(Fingerprint).Add(codemod.Name).Add(codemod.Version).Add(arguments).Build();
    }

    /// <summary>The stored outcome for <paramref name="file"/>, completed with its path and original bytes; null on a miss.</summary>
    public FileOutcome? TryGetOutcome(string key, SourceFile file)
    {
        var entry = Read(key, CacheJson.Default.CachedOutcome);
        if (entry is null || (entry.Kind == OutcomeKind.Changed && entry.NewBytes is null))
        {
            return null;
        }

        return new FileOutcome
        {
            Path = file.RelativePath,
            Kind = entry.Kind,
            Reason = entry.Reason,
            Line = entry.Line,
            OriginalHash = file.Hash,
            OriginalBytes = entry.Kind == OutcomeKind.Changed ? file.Bytes : null,
            NewBytes = entry.Kind == OutcomeKind.Changed ? entry.NewBytes : null,
            Changes = entry.Changes ?? [],
            Reviews = entry.Reviews ?? [],
            Breaking = entry.Breaking ?? [],
            Suppressed = entry.Suppressed ?? [],
            Reproducible = true,
        };
    }

    /// <summary>Stores an outcome, unless it depends on the machine rather than the request (a timeout, a crash).</summary>
    public void PutOutcome(string key, FileOutcome outcome)
    {
        if (outcome.Reproducible)
        {
            Write(key, new CachedOutcome(outcome.Kind, outcome.Reason, outcome.Line, outcome.NewBytes, outcome.Changes, outcome.Reviews, outcome.Breaking, outcome.Suppressed.Count > 0 ? outcome.Suppressed : null), CacheJson.Default.CachedOutcome);
        }
    }

    public FileScan? TryGetScan(string key, string path)
    {
        var entry = Read(key, CacheJson.Default.CachedScan);
        return entry switch
        {
            { Kind: ScanOutcomeKind.Scanned, Facts: { } facts } => FileScan.Scanned(path, facts) with { Reproducible = true },
            { Kind: ScanOutcomeKind.Failed } => FileScan.Failed(path, entry.Reason ?? "scan failed", entry.Line) with { Reproducible = true },
            _ => null,
        };
    }

    public void PutScan(string key, FileScan scan)
    {
        if (scan.Reproducible && scan.Kind != ScanOutcomeKind.Skipped)
        {
            Write(key, new CachedScan(scan.Kind, scan.Facts, scan.Reason, scan.Line), CacheJson.Default.CachedScan);
        }
    }

    public IReadOnlyList<string>? TryGetStrings(string key) => Read(key, CacheJson.Default.ListString);

    public void PutStrings(string key, IReadOnlyList<string> values) => Write(key, values.ToList(), CacheJson.Default.ListString);

    public IReadOnlyList<CodemodInfo>? TryGetCodemods(string key) => Read(key, CacheJson.Default.ListCodemodInfo);

    public void PutCodemods(string key, IReadOnlyList<CodemodInfo> codemods) => Write(key, codemods.ToList(), CacheJson.Default.ListCodemodInfo);

    private T? Read<T>(string key, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
        where T : class
    {
        var bytes = cache.TryGet(key);
        if (bytes is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(bytes, type);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            return null;
        }
    }

    private void Write<T>(string key, T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        cache.Put(key, JsonSerializer.SerializeToUtf8Bytes(value, type));
}
