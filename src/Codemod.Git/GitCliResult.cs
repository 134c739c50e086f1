namespace Codemod.Git;

/// <summary>What one git invocation returned; failures are values the caller inspects, not exceptions.</summary>
public sealed record GitCliResult(int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>git could not be started at all (not installed, not on PATH).</summary>
    public bool CouldNotStart { get; init; }

    /// <summary>The first line of stderr (or stdout), for one-line error messages.</summary>
    public string FirstErrorLine =>
        (StandardError.Length > 0 ? StandardError : StandardOutput).Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? $"git exited with {ExitCode}";
}
