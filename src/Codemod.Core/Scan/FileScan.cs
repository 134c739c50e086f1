namespace Codemod.Core.Scan;

/// <summary>The scan outcome of one file: its facts when scanned, otherwise why there are none.</summary>
public sealed record FileScan(string Path, ScanOutcomeKind Kind, FileFacts? Facts = null, string? Reason = null, int? Line = null)
{
    /// <summary>True when the worker answered for the file's bytes (facts or a syntax error), so the result cache may keep it.</summary>
    public bool Reproducible { get; init; }

    public static FileScan Scanned(string path, FileFacts facts) => new(path, ScanOutcomeKind.Scanned, facts);

    public static FileScan Failed(string path, string reason, int? line = null) => new(path, ScanOutcomeKind.Failed, null, reason, line);

    public static FileScan Skipped(string path, string reason) => new(path, ScanOutcomeKind.Skipped, null, reason);
}
