namespace Codemod.Core.Scan;

/// <summary>What the per-file scan saw in one parsed file; the rules and the class index aggregate these across files.</summary>
public sealed record FileFacts
{
    /// <summary>Dotted module name from the path (<c>a/b/__init__.py</c> is <c>a.b</c>).</summary>
    public required string Module { get; init; }

    /// <summary>The package relative imports start from (the module itself for a package's <c>__init__</c>).</summary>
    public required string Package { get; init; }

    public bool IsTest { get; init; }

    /// <summary>The file matches an allow glob (a bootstrap file that may read the environment); it reports no accesses.</summary>
    public bool Allowed { get; init; }

    public IReadOnlyList<EnvAccessFact> EnvAccesses { get; init; } = [];

    public IReadOnlyList<ClassFact> Classes { get; init; } = [];

    public IReadOnlyList<ImportFact> Imports { get; init; } = [];

    public IReadOnlyList<SingletonFact> Singletons { get; init; } = [];

    public IReadOnlyList<ShimFact> Shims { get; init; } = [];

    /// <summary>The literal <c>__all__</c>, or null when the module has none or builds it dynamically.</summary>
    public IReadOnlyList<string>? AllNames { get; init; }
}
