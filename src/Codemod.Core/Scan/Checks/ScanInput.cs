namespace Codemod.Core.Scan.Checks;

/// <summary>What every check sees: the scanned files (path and facts, sorted by path) and the date expiry is judged against.</summary>
internal sealed record ScanInput(IReadOnlyList<(string Path, FileFacts Facts)> Files, DateOnly Today)
{
    /// <summary>The rules of the catalogue the scan runs.</summary>
    public IReadOnlyList<ScanRule> Rules { get; init; } = [];

    /// <summary>For a check that <see cref="IScanCheck.JudgesFindings"/>: every other check's findings, suppressed ones included.</summary>
    public IReadOnlyList<Finding> Findings { get; init; } = [];

    /// <summary>Every class definition with its file, in path then line order.</summary>
    public IEnumerable<ClassDefinition> Classes =>
        Files.SelectMany(f => f.Facts.Classes.OrderBy(c => c.Line).Select(c => new ClassDefinition(f.Path, f.Facts, c)));
}

/// <summary>One class definition and the file that holds it.</summary>
internal sealed record ClassDefinition(string Path, FileFacts File, ClassFact Class)
{
    public string QualifiedName => File.Module.Length > 0 ? $"{File.Module}.{Class.Name}" : Class.Name;
}
