namespace Codemod.Core.Apply;

/// <summary>
/// One file of a journalled run: where it is, the hash of the bytes it had before the run (null: the run creates it),
/// the hash the run writes, the temp file that carries the new bytes, and where its pre-image sits in the journal's pack.
/// </summary>
public sealed record JournalFile(string Path, string? OriginalHash, string NewHash, string Temp, long PreImageOffset, int PreImageLength);
