namespace Codemod.Core.Scan;

/// <summary>
/// One entry of a module's <c>__codemod_deprecated__</c> marker: a deprecated alias of <see cref="Canonical"/> until <see cref="Sunset"/>.
/// <see cref="Kind"/> is <c>alias</c> (a name the module's <c>__getattr__</c> serves, written by add-deprecation-shim) or
/// <c>wrapper</c> (an accessor the module still defines, deprecated by singleton-to-factory <c>shim=true</c>).
/// </summary>
[ScanFact("shims")]
public sealed record ShimFact(int Line, string Name, string Canonical, string? Sunset, string Kind = "alias")
{
    public bool IsWrapper => Kind == "wrapper";
}
