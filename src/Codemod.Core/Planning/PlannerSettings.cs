namespace Codemod.Core.Planning;

/// <summary>What <c>plan suggest</c> was asked for: the date sunsets are counted from, how far away they are, explicit canonical choices.</summary>
/// <param name="Today">The date shims' sunsets are computed from and expiry is judged against.</param>
/// <param name="SunsetDays">Days from <paramref name="Today"/> to the sunset written on new deprecation shims.</param>
/// <param name="Expired">Only the steps for shims past their sunset.</param>
/// <param name="Canonical">Dotted class names (<c>pkg.module.Class</c>) that win the canonical choice of their group.</param>
/// <param name="Factories">Singleton (dotted, as in the step) to factory: such singleton steps are written enabled.</param>
public sealed record PlannerSettings(
    DateOnly Today,
    int SunsetDays = 90,
    bool Expired = false,
    IReadOnlyList<string>? Canonical = null,
    IReadOnlyDictionary<string, string>? Factories = null)
{
    public DateOnly Sunset => Today.AddDays(SunsetDays);

    public IReadOnlyList<string> CanonicalNames => Canonical ?? [];

    public IReadOnlyDictionary<string, string> FactoryMap => Factories ?? new Dictionary<string, string>();
}
