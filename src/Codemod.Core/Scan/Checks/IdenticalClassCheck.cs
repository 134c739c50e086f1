namespace Codemod.Core.Scan.Checks;

/// <summary>identical-class: definitions with the same fingerprint (equal once comments, docstrings and formatting are ignored).</summary>
internal sealed class IdenticalClassCheck : IScanCheck
{
    public static ScanRule Definition { get; } = new(
        "identical-class",
        "Identical copies of a class",
        "Two or more definitions of a class are equivalent once comments, docstrings and formatting are ignored: " +
        "keep one and import it (the dedupe-class codemod does this). Findings of one copy set share a group.",
        FindingLevel.Warning)
    {
        Codemods = ["dedupe-class"],
    };

    public ScanRule Rule => Definition;

    public int Order => 30;

    public IEnumerable<Finding> Find(ScanInput input)
    {
        // The fingerprint covers the name, so a group is always one name; nested helpers (Meta, Config) are left out as
        // in duplicate-class-name.
        var groups = input.Classes
            .Where(d => !d.Class.Nested && d.Class.Fingerprint is not null)
            .GroupBy(d => d.Class.Fingerprint!, StringComparer.Ordinal)
            .Where(g => g.Count() >= 2);
        foreach (var group in groups)
        {
            var copies = group.ToList();
            var name = copies[0].Class.Name;
            var places = copies.Select(c => $"{c.Path}:{c.Class.Line}").ToList();
            foreach (var copy in copies)
            {
                yield return new Finding(Rule.Id, copy.Path, copy.Class.Line,
                    $"class {name} is identical to the one in {Describe.Others(places, $"{copy.Path}:{copy.Class.Line}")} ({Describe.Plural(copies.Count, "copy", "copies")}, comments, docstrings and formatting ignored)")
                {
                    Group = $"{Rule.Id}:{name}:{group.Key}",
                    InTest = copy.File.IsTest,
                    Key = $"class:{name}",
                    Properties = Describe.Properties(("class", name), ("copies", copies.Count), ("fingerprint", group.Key)),
                };
            }
        }
    }
}
