namespace Codemod.Cli;

/// <summary>The process exit codes, as documented in README; the <c>For</c> overloads are the one place that chooses among them.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    /// <summary>Some files failed (error, timeout, crash) or could not be written; also review items under --strict.</summary>
    public const int NeedsAttention = 1;
    public const int UsageError = 2;
    public const int PendingChanges = 3;
    public const int EnvironmentMissing = 4;
    public const int Interrupted = 130;

    /// <summary>A bug in the tool itself (never a user error): the message asks for --verbose and a report.</summary>
    public const int InternalError = 70;

    /// <summary>
    /// Maps how a finished run went to its exit code. Pending changes under --check outrank failures: that is what --check
    /// asks. Review items are output, not failure: they make the run exit 1 only under --strict, so a CI job can tell
    /// "a file failed" from "the codemod left places for a person to look at".
    /// </summary>
    public static int For(RunVerdict verdict) => verdict switch
    {
        { Interrupted: true } => Interrupted,
        { EnvironmentMissing: true } => EnvironmentMissing,
        { CheckRequested: true, PendingChanges: true } => PendingChanges,
        { BaselineExceeded: true } => PendingChanges,
        { Failed: > 0 } or { WriteFailed: true } => NeedsAttention,
        { Strict: true, Reviews: > 0 } => NeedsAttention,
        _ => Success,
    };

    /// <summary>The exit code of an error reported as one line: a missing environment is 4, a user error 2.</summary>
    public static int For(Exception error) => error switch
    {
        Codemod.Core.Settings.EnvironmentMissing => EnvironmentMissing,
        Codemod.Core.Settings.UserError => UsageError,
        OperationCanceledException => Interrupted,
        _ => InternalError,
    };
}

/// <summary>The facts of a finished run that decide its exit code.</summary>
internal sealed record RunVerdict(
    int Failed = 0,
    int Reviews = 0,
    bool PendingChanges = false,
    bool CheckRequested = false,
    bool WriteFailed = false,
    bool BaselineExceeded = false,
    bool Interrupted = false,
    bool Strict = false,
    bool EnvironmentMissing = false);
