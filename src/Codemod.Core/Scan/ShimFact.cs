namespace Codemod.Core.Scan;

/// <summary>One entry of a module's <c>__codemod_deprecated__</c> marker: a deprecated alias of <see cref="Canonical"/> until <see cref="Sunset"/>.</summary>
[ScanFact("shims")]
public sealed record ShimFact(int Line, string Name, string Canonical, string? Sunset);
