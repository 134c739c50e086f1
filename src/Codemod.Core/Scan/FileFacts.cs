using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Codemod.Core.Scan;

/// <summary>
/// What the per-file scan saw in one parsed file; the rules and the class index aggregate these across files. Besides the
/// module header, the facts are lists keyed by kind (<see cref="ScanFactKind"/>): a check reads its own with
/// <see cref="Of{T}"/>, so a new kind of fact needs no member here.
/// </summary>
[JsonConverter(typeof(FileFactsConverter))]
public sealed record FileFacts
{
    /// <summary>Dotted module name from the path (<c>a/b/__init__.py</c> is <c>a.b</c>).</summary>
    public required string Module { get; init; }

    /// <summary>The package relative imports start from (the module itself for a package's <c>__init__</c>).</summary>
    public required string Package { get; init; }

    public bool IsTest { get; init; }

    /// <summary>The file matches an allow glob (a bootstrap file that may read the environment); it reports no accesses.</summary>
    public bool Allowed { get; init; }

    /// <summary>The literal <c>__all__</c>, or null when the module has none or builds it dynamically.</summary>
    public IReadOnlyList<string>? AllNames { get; init; }

    /// <summary>Every kind of fact the file has, by kind name; each value is an <c>IReadOnlyList&lt;TFact&gt;</c>.</summary>
    public ImmutableSortedDictionary<string, object> Facts { get; init; } = ImmutableSortedDictionary.Create<string, object>(StringComparer.Ordinal);

    // The built-in kinds by name, for the planners and the class index that narrow them with `with`.
    public IReadOnlyList<EnvAccessFact> EnvAccesses { get => Of<EnvAccessFact>(); init => Facts = Set(value); }

    public IReadOnlyList<ClassFact> Classes { get => Of<ClassFact>(); init => Facts = Set(value); }

    public IReadOnlyList<ImportFact> Imports { get => Of<ImportFact>(); init => Facts = Set(value); }

    public IReadOnlyList<SingletonFact> Singletons { get => Of<SingletonFact>(); init => Facts = Set(value); }

    public IReadOnlyList<ShimFact> Shims { get => Of<ShimFact>(); init => Facts = Set(value); }

    /// <summary>The facts of one kind; empty when the file has none.</summary>
    public IReadOnlyList<T> Of<T>() =>
        Facts.TryGetValue(ScanFactKind.Of<T>().Name, out var list) ? (IReadOnlyList<T>)list : [];

    /// <summary>A copy holding <paramref name="facts"/> as its facts of that kind.</summary>
    public FileFacts With<T>(IReadOnlyList<T> facts) => this with { Facts = Set(facts) };

    private ImmutableSortedDictionary<string, object> Set<T>(IReadOnlyList<T> facts) => Facts.SetItem(ScanFactKind.Of<T>().Name, facts);
}
