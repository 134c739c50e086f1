namespace Codemod.Core.Changes;

/// <summary>The result for one file: never an exception, always a value that flows on to preview, apply and reports.</summary>
public sealed record FileOutcome
{
    public required string Path { get; init; }

    public required OutcomeKind Kind { get; init; }

    /// <summary>Why a file was skipped or failed; null otherwise.</summary>
    public string? Reason { get; init; }

    /// <summary>The line a failure points at (e.g. a syntax error), when known.</summary>
    public int? Line { get; init; }

    /// <summary>Hash of the bytes the run read; apply refuses to write when the file no longer has it.</summary>
    public string? OriginalHash { get; init; }

    public byte[]? OriginalBytes { get; init; }

    /// <summary>Present only for <see cref="OutcomeKind.Changed"/>.</summary>
    public byte[]? NewBytes { get; init; }

    public IReadOnlyList<ChangeRecord> Changes { get; init; } = [];

    public IReadOnlyList<ChangeRecord> Reviews { get; init; } = [];

    public IReadOnlyList<BreakingRecord> Breaking { get; init; } = [];

    /// <summary>Sites the codemod left as they are: a <c># codemod: ignore</c> comment, or lines the request excluded.</summary>
    public IReadOnlyList<SuppressedRecord> Suppressed { get; init; } = [];

    /// <summary>A <see cref="OutcomeKind.Failed"/> file that overran the time limit (even when retried): the machine or the codemod was slow, the file may be fine.</summary>
    public bool TimedOut { get; init; }

    /// <summary>
    /// True when the outcome follows from the request alone (the worker answered it), so the result cache may keep it;
    /// false, the default, for what depends on the machine: a timeout, a crash, a refused request.
    /// </summary>
    public bool Reproducible { get; init; }

    public static FileOutcome Skip(string path, string reason) => new() { Path = path, Kind = OutcomeKind.Skipped, Reason = reason };

    public static FileOutcome Fail(string path, string reason, int? line = null) =>
        new() { Path = path, Kind = OutcomeKind.Failed, Reason = reason, Line = line };

    public static FileOutcome TimeOut(string path, string reason) => new() { Path = path, Kind = OutcomeKind.Failed, Reason = reason, TimedOut = true };

    public static FileOutcome NotApplicable(string path) => new() { Path = path, Kind = OutcomeKind.NotApplicable };
}
