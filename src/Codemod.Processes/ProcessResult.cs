namespace Codemod.Processes;

/// <summary>What one child process did; failures (cannot start, non-zero exit, timeout) are values, never exceptions.</summary>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Exit code used when the executable could not be started at all (as a shell would say).</summary>
    public const int CannotStart = 127;

    /// <summary>The time limit ran out and the process tree was killed.</summary>
    public bool TimedOut { get; init; }

    /// <summary>Why the process could not be started, or <c>null</c> when it ran.</summary>
    public string? StartError { get; init; }

    /// <summary>stdout and stderr interleaved by line (only with <see cref="ProcessRequest.CombinedOutputTail"/>).</summary>
    public string CombinedOutput { get; init; } = string.Empty;

    public bool Succeeded => ExitCode == 0 && !TimedOut && StartError is null;

    /// <summary>The first line of stderr (or stdout), for one-line error messages.</summary>
    public string FirstErrorLine =>
        StartError
        ?? (StandardError.Length > 0 ? StandardError : StandardOutput).Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim()
        ?? (TimedOut ? "timed out" : $"exited with {ExitCode}");
}
