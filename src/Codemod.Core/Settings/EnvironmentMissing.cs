namespace Codemod.Core.Settings;

/// <summary>
/// Something the tool needs from the machine is missing or unusable (python, libcst, git, the worker): reported as one
/// line naming what to install or fix, exit code 4, never with a stack trace.
/// </summary>
public sealed class EnvironmentMissing(string message) : Exception(message);
