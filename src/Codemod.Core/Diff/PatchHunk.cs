namespace Codemod.Core.Diff;

/// <summary>One <c>@@</c> hunk of a file patch: where it starts in the old file (1-based) and its lines with their exact bytes.</summary>
/// <param name="OldStart">First old line the hunk covers; 0 when the old side is empty.</param>
/// <param name="Lines">Each line's operation (' ', '-', '+') and its text as Latin-1 chars (one per byte), line end included when it has one.</param>
public sealed record PatchHunk(int OldStart, IReadOnlyList<(char Op, string Text)> Lines);
