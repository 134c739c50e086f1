namespace Codemod.Core.Scan;

/// <summary>The two import statements.</summary>
public enum ImportKind
{
    /// <summary><c>import a.b [as x]</c></summary>
    Import,

    /// <summary><c>from a.b import N [as x]</c></summary>
    From,
}
