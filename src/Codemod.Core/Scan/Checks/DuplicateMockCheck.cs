namespace Codemod.Core.Scan.Checks;

/// <summary>duplicate-mock: a <c>Mock*</c> / <c>Fake*</c> / <c>Stub*</c> class defined in two or more test files.</summary>
internal sealed class DuplicateMockCheck : IScanCheck
{
    private static readonly string[] Prefixes = ["Mock", "Fake", "Stub"];

    public static ScanRule Definition { get; } = new(
        "duplicate-mock",
        "Mock, fake or stub class defined in several test files",
        "A Mock*/Fake*/Stub* class is defined in two or more test files: keep one shared test double (the consolidate-mocks " +
        "codemod replaces local copies). Findings of one name share the group duplicate-mock:<Name>.",
        FindingLevel.Note)
    {
        Codemods = ["consolidate-mocks"],
    };

    public ScanRule Rule => Definition;

    public int Order => 50;

    public IEnumerable<Finding> Find(ScanInput input)
    {
        // Test doubles are often declared inside a test class or function: nested definitions count here.
        var doubles = input.Classes.Where(d => IsTestDouble(d.Class.ShortName)).ToList();
        var groups = doubles
            .Where(d => d.File.IsTest)
            .GroupBy(d => d.Class.ShortName, StringComparer.Ordinal)
            .Where(g => g.Select(d => d.Path).Distinct(StringComparer.Ordinal).Count() >= 2);
        foreach (var group in groups)
        {
            var files = group.Select(d => d.Path).Distinct(StringComparer.Ordinal).ToList();
            var shared = doubles.Where(d => !d.File.IsTest && d.Class.ShortName == group.Key).Select(d => d.QualifiedName).ToList();
            var remedy = shared.Count > 0 ? $"import the shared one from {Describe.List(shared)}" : "keep one shared test double";
            foreach (var definition in group)
            {
                yield return new Finding(Rule.Id, definition.Path, definition.Class.Line,
                    $"test double {group.Key} is defined in {Describe.Plural(files.Count, "test file")}; also in {Describe.Others(files, definition.Path)}: {remedy}")
                {
                    Group = $"{Rule.Id}:{group.Key}",
                    InTest = true,
                    Key = $"class:{definition.Class.Name}",
                    Properties = Describe.Properties(("class", group.Key), ("files", files.Count)),
                };
            }
        }
    }

    // MockWebSocketManager and Mock are doubles; Mockingbird and Stubborn are not.
    public static bool IsTestDouble(string name) =>
        Prefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal) && (name.Length == p.Length || !char.IsLower(name[p.Length])));
}
