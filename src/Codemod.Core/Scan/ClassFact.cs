namespace Codemod.Core.Scan;

/// <summary>
/// One class definition. <see cref="Name"/> is qualified inside its module (<c>Outer.Inner</c>, <c>f.&lt;locals&gt;.Local</c>);
/// <see cref="Bases"/> are the dotted source texts of the positional bases as written, before any import is followed.
/// </summary>
[ScanFact("classes")]
public sealed record ClassFact
{
    public required string Name { get; init; }

    public required int Line { get; init; }

    public IReadOnlyList<string> Bases { get; init; } = [];

    /// <summary>Equal for classes that differ only in comments, docstrings and formatting; null when too deep to compute.</summary>
    public string? Fingerprint { get; init; }

    public IReadOnlyList<string> Methods { get; init; } = [];

    public IReadOnlyList<string> Attributes { get; init; } = [];

    public IReadOnlyList<string> Decorators { get; init; } = [];

    /// <summary>Defined inside another class or a function rather than at module level.</summary>
    public bool Nested { get; init; }

    /// <summary>The class's own name: the last part of <see cref="Name"/>.</summary>
    public string ShortName => Name[(Name.LastIndexOf('.') + 1)..];
}
