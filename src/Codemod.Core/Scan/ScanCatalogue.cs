using System.Reflection;
using Codemod.Core.Scan.Checks;

namespace Codemod.Core.Scan;

/// <summary>
/// The registered scan checks and fact kinds. <see cref="Default"/> holds every <see cref="IScanCheck"/> and every
/// <see cref="ScanFactAttribute"/> record of this assembly: a new rule is one check class (its <see cref="ScanRule"/> with it),
/// a new fact one record, and nothing else lists them. Rules are listed by <see cref="IScanCheck.Order"/>.
/// </summary>
public sealed class ScanCatalogue
{
    private ScanCatalogue(IEnumerable<IScanCheck> checks, IEnumerable<ScanFactKind> factKinds)
    {
        Checks = [.. checks.OrderBy(c => c.Order).ThenBy(c => c.Rule.Id, StringComparer.Ordinal)];
        Rules = [.. Checks.Select(c => c.Rule)];
        FactKinds = [.. factKinds.DistinctBy(k => k.Name).OrderBy(k => k.Name, StringComparer.Ordinal)];
        var duplicate = Rules.GroupBy(r => r.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"two scan checks report rule {duplicate.Key}");
        }
    }

    public static ScanCatalogue Default { get; } = Discover(typeof(ScanCatalogue).Assembly);

    /// <summary>Every rule, in the order every report lists them.</summary>
    public IReadOnlyList<ScanRule> Rules { get; }

    /// <summary>Every kind of fact the reader takes from a worker's response, by name.</summary>
    public IReadOnlyList<ScanFactKind> FactKinds { get; }

    internal IReadOnlyList<IScanCheck> Checks { get; }

    /// <summary>The checks and fact records of <paramref name="assembly"/>.</summary>
    internal static ScanCatalogue Discover(Assembly assembly)
    {
        var types = assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }).ToList();
        var checks = types
            .Where(t => typeof(IScanCheck).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (IScanCheck)Activator.CreateInstance(t)!);
        var facts = types.Where(t => t.GetCustomAttribute<ScanFactAttribute>() is not null).Select(ScanFactKind.For);
        return new ScanCatalogue(checks, facts);
    }

    /// <summary>This catalogue and one more check, reading facts of <paramref name="factTypes"/>.</summary>
    internal ScanCatalogue With(IScanCheck check, params Type[] factTypes) =>
        new([.. Checks, check], [.. FactKinds, .. factTypes.Select(ScanFactKind.For)]);
}
