using Codemod.Core.Scan.Checks;

namespace Codemod.Core.Scan;

/// <summary>
/// The rules of <see cref="ScanCatalogue.Default"/>, in the order every report lists them. Each rule is defined by its
/// check; the names below are shortcuts for code that singles one out.
/// </summary>
public static class ScanRules
{
    public static ScanRule EnvAccess => EnvAccessCheck.Definition;

    public static ScanRule DuplicateClassName => DuplicateClassNameCheck.Definition;

    public static ScanRule IdenticalClass => IdenticalClassCheck.Definition;

    public static ScanRule ManagerProliferation => ManagerProliferationCheck.Definition;

    public static ScanRule DuplicateMock => DuplicateMockCheck.Definition;

    public static ScanRule Singleton => SingletonCheck.Definition;

    public static ScanRule ExpiredShim => ExpiredShimCheck.Definition;

    public static ScanRule StaleSuppression => StaleSuppressionCheck.Definition;

    public static IReadOnlyList<ScanRule> All => ScanCatalogue.Default.Rules;

    /// <summary>Position of a rule in <see cref="All"/>; unknown ids (from an older or newer baseline) sort last.</summary>
    public static int IndexOf(string id) => IndexOf(All, id);

    /// <summary>Position of a rule in <paramref name="rules"/>; unknown ids sort last.</summary>
    public static int IndexOf(IReadOnlyList<ScanRule> rules, string id)
    {
        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i].Id == id)
            {
                return i;
            }
        }

        return rules.Count;
    }
}
