namespace Codemod.Core.Settings;

/// <summary>A mistake in the user's input or configuration: reported as one line, exit code 2, never with a stack trace.</summary>
public sealed class UserError(string message, int exitCode = 2) : Exception(message)
{
    /// <summary>2 for usage errors; 4 when the environment (python, libcst, git) is missing.</summary>
    public int ExitCode { get; } = exitCode;
}
