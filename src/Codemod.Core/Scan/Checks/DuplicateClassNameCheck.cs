namespace Codemod.Core.Scan.Checks;

/// <summary>duplicate-class-name: a module-level class name defined in two or more non-test modules; every definition is listed.</summary>
internal sealed class DuplicateClassNameCheck : IScanCheck
{
    public static ScanRule Definition { get; } = new(
        "duplicate-class-name",
        "Class name defined in several non-test modules",
        "A module-level class name is defined in two or more non-test modules, so imports pick one copy or another by accident. " +
        "Every definition is reported; findings of one name share the group duplicate-class-name:<Name>.",
        FindingLevel.Warning)
    {
        Codemods = ["dedupe-class"],
    };

    public ScanRule Rule => Definition;

    public int Order => 20;

    public IEnumerable<Finding> Find(ScanInput input)
    {
        // Nested classes (Meta, Config, f.<locals>.X) are not importable names: repeating them is not a second truth.
        var groups = input.Classes
            .Where(d => !d.File.IsTest && !d.Class.Nested)
            .GroupBy(d => d.Class.Name, StringComparer.Ordinal)
            .Where(g => g.Select(d => d.File.Module).Distinct(StringComparer.Ordinal).Count() >= 2);
        foreach (var group in groups)
        {
            var definitions = group.ToList();
            var modules = definitions.Select(d => d.File.Module).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            foreach (var definition in definitions)
            {
                yield return new Finding(Rule.Id, definition.Path, definition.Class.Line,
                    $"class {group.Key} is defined in {Describe.Plural(modules.Count, "non-test module")}; also in {Describe.Others(modules, definition.File.Module)}")
                {
                    Group = $"{Rule.Id}:{group.Key}",
                    Key = $"class:{group.Key}",
                    Properties = Describe.Properties(("class", group.Key), ("definitions", definitions.Count)),
                };
            }
        }
    }
}
