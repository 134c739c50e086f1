using Codemod.Core.Settings;

namespace Codemod.Core.Vcs;

/// <summary>
/// A git command that failed where the caller cannot go on without its answer: what was run, git's exit code and the
/// first line git said. <see cref="ToError"/> makes it the one-line error the user sees.
/// </summary>
public sealed record GitFailure(string Command, int ExitCode, string Message, bool CouldNotStart = false)
{
    /// <summary><see cref="EnvironmentMissing"/> when git could not be started, else a <see cref="UserError"/> quoting git.</summary>
    public Exception ToError() => CouldNotStart
        ? new EnvironmentMissing($"git could not be started for `git {Command}` ({Message}): install git or put it on PATH")
        : new UserError($"`git {Command}` failed (exit {ExitCode}): {Message}");
}
