namespace Codemod.Core.Scan.Checks;

/// <summary>manager-proliferation: every non-test, module-level <c>*Manager</c> class, grouped by name (test doubles of managers are not managers).</summary>
internal sealed class ManagerProliferationCheck : IScanCheck
{
    private const string Suffix = "Manager";

    public static ScanRule Definition { get; } = new(
        "manager-proliferation",
        "*Manager classes",
        "Every non-test class whose name ends in Manager, grouped by name: a count to burn down, since managers tend to " +
        "multiply into overlapping owners of the same state.",
        FindingLevel.Note);

    public ScanRule Rule => Definition;

    public int Order => 40;

    public IEnumerable<Finding> Find(ScanInput input)
    {
        var managers = input.Classes
            .Where(d => !d.File.IsTest && !d.Class.Nested && !DuplicateMockCheck.IsTestDouble(d.Class.Name))
            .Where(d => d.Class.Name.Length > Suffix.Length && d.Class.Name.EndsWith(Suffix, StringComparison.Ordinal))
            .ToList();
        var names = managers.Select(d => d.Class.Name).Distinct(StringComparer.Ordinal).Count();
        foreach (var group in managers.GroupBy(d => d.Class.Name, StringComparer.Ordinal))
        {
            var count = group.Count();
            foreach (var definition in group)
            {
                yield return new Finding(Rule.Id, definition.Path, definition.Class.Line,
                    $"*Manager class {group.Key}: {Describe.Plural(count, "definition")} of this name, {Describe.Plural(managers.Count, "*Manager class", "*Manager classes")} under {Describe.Plural(names, "name")} in the project")
                {
                    Group = $"{Rule.Id}:{group.Key}",
                    Key = $"class:{group.Key}",
                    Properties = Describe.Properties(("class", group.Key), ("definitions", count)),
                };
            }
        }
    }
}
