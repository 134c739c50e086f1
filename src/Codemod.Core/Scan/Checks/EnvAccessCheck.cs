namespace Codemod.Core.Scan.Checks;

/// <summary>env-access: every direct <c>os.environ</c> / <c>os.getenv</c> use outside the allowed bootstrap files.</summary>
internal sealed class EnvAccessCheck : IScanCheck
{
    public static ScanRule Definition { get; } = new(
        "env-access",
        "Direct environment access outside the isolated environment",
        "Code reads or writes os.environ / os.getenv directly instead of going through the isolated environment module. " +
        "Allowed bootstrap files (--arg allow=GLOB, default shared/isolated_environment.py) are not reported. " +
        "Rewritable forms can be fixed by the env-to-isolated codemod (env-in-tests for test code).",
        FindingLevel.Warning)
    {
        Codemods = ["env-to-isolated", "env-in-tests"],
    };

    public ScanRule Rule => Definition;

    public int Order => 10;

    public IEnumerable<Finding> Find(ScanInput input) =>
        from file in input.Files
        where !file.Facts.Allowed
        from access in file.Facts.EnvAccesses
        select new Finding(Rule.Id, file.Path, access.Line, Message(access, file.Facts.IsTest))
        {
            Column = access.Column,
            InTest = file.Facts.IsTest,
            Key = access.Detail is null ? access.Form : $"{access.Form}:{access.Detail}",
            Properties = Properties(access),
        };

    private static string Message(EnvAccessFact access, bool inTest)
    {
        var form = access.Detail is null ? access.Form : $"{access.Form}: {access.Detail}";
        var remedy = access.Rewritable ? "env-to-isolated rewrites this form"
            : access.Form == "patch-dict-environ" ? "env-in-tests rewrites this form"
            : "change it by hand (env-to-isolated only reports it)";
        return $"direct environment access ({form}) in {Describe.Scope(inTest)} code: {remedy}";
    }

    private static SortedDictionary<string, object> Properties(EnvAccessFact access)
    {
        var properties = new SortedDictionary<string, object>(StringComparer.Ordinal)
        {
            ["form"] = access.Form,
            ["rewritable"] = access.Rewritable,
        };
        if (access.Detail is not null)
        {
            properties["detail"] = access.Detail;
        }

        return properties;
    }
}
