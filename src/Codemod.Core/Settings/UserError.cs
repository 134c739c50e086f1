namespace Codemod.Core.Settings;

/// <summary>
/// A mistake in the user's input or configuration, or a state of the repository the command refuses: reported as one
/// line, exit code 2, never with a stack trace. A missing environment is <see cref="EnvironmentMissing"/> instead.
/// </summary>
public sealed class UserError(string message) : Exception(message);
