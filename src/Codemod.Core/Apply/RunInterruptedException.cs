namespace Codemod.Core.Apply;

/// <summary>A signal stopped a writing run after its current phase was finished or restored; the message says which.</summary>
public sealed class RunInterruptedException(string message) : OperationCanceledException(message);
