namespace Codemod.Core.Changes;

/// <summary>One site a codemod rewrote or flagged for review: 1-based line, 0-based column of the original file.</summary>
public sealed record ChangeRecord(int Line, int Column, string Kind, string Message);
