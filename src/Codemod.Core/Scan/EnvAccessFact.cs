namespace Codemod.Core.Scan;

/// <summary>One direct environment access: 1-based line, 0-based column, the env-to-isolated form, whether that codemod can rewrite it.</summary>
[ScanFact("envAccesses")]
public sealed record EnvAccessFact(int Line, int Column, string Form, bool Rewritable, string? Detail = null);
