namespace Codemod.Core.Scan;

/// <summary>The per-file scans of one run, sorted by path, and how long the run took.</summary>
public sealed record ProjectScan(IReadOnlyList<FileScan> Files, TimeSpan Elapsed);
