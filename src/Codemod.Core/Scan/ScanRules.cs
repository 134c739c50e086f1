namespace Codemod.Core.Scan;

/// <summary>The catalogue of scan rules, in the order every report lists them.</summary>
public static class ScanRules
{
    public static ScanRule EnvAccess { get; } = new(
        "env-access",
        "Direct environment access outside the isolated environment",
        "Code reads or writes os.environ / os.getenv directly instead of going through the isolated environment module. " +
        "Allowed bootstrap files (--arg allow=GLOB, default shared/isolated_environment.py) are not reported. " +
        "Rewritable forms can be fixed by the env-to-isolated codemod (env-in-tests for test code).",
        FindingLevel.Warning);

    public static ScanRule DuplicateClassName { get; } = new(
        "duplicate-class-name",
        "Class name defined in several non-test modules",
        "A module-level class name is defined in two or more non-test modules, so imports pick one copy or another by accident. " +
        "Every definition is reported; findings of one name share the group duplicate-class-name:<Name>.",
        FindingLevel.Warning);

    public static ScanRule IdenticalClass { get; } = new(
        "identical-class",
        "Identical copies of a class",
        "Two or more definitions of a class are equivalent once comments, docstrings and formatting are ignored: " +
        "keep one and import it (the dedupe-class codemod does this). Findings of one copy set share a group.",
        FindingLevel.Warning);

    public static ScanRule ManagerProliferation { get; } = new(
        "manager-proliferation",
        "*Manager classes",
        "Every non-test class whose name ends in Manager, grouped by name: a count to burn down, since managers tend to " +
        "multiply into overlapping owners of the same state.",
        FindingLevel.Note);

    public static ScanRule DuplicateMock { get; } = new(
        "duplicate-mock",
        "Mock, fake or stub class defined in several test files",
        "A Mock*/Fake*/Stub* class is defined in two or more test files: keep one shared test double (the consolidate-mocks " +
        "codemod replaces local copies). Findings of one name share the group duplicate-mock:<Name>.",
        FindingLevel.Note);

    public static ScanRule Singleton { get; } = new(
        "singleton",
        "Singleton instance or accessor",
        "A module-level instance of a manager-like class, a get_instance/instance class method, or an _instance class " +
        "attribute: hidden global state that makes a second source of truth easy to create.",
        FindingLevel.Note);

    public static ScanRule ExpiredShim { get; } = new(
        "expired-shim",
        "Deprecation shim past its sunset date",
        "A name listed in a module's __codemod_deprecated__ marker (written by add-deprecation-shim) whose sunset date has " +
        "passed: migrate the remaining imports to the canonical name and delete the entry.",
        FindingLevel.Error);

    public static IReadOnlyList<ScanRule> All { get; } =
        [EnvAccess, DuplicateClassName, IdenticalClass, ManagerProliferation, DuplicateMock, Singleton, ExpiredShim];

    /// <summary>Position of a rule in <see cref="All"/>; unknown ids (from an older or newer baseline) sort last.</summary>
    public static int IndexOf(string id)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (All[i].Id == id)
            {
                return i;
            }
        }

        return All.Count;
    }
}
