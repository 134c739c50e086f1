using Codemod.Core.Inheritance;
using Codemod.Core.Scan;

namespace Codemod.Cli.Rendering;

/// <summary><c>codemod mro --format json</c>: one object per matching class (docs/schemas/mro.schema.json).</summary>
internal sealed record MroDocument(int SchemaVersion, string Command, string Pattern, IReadOnlyList<MroClassDocument> Classes, IReadOnlyList<MroFailedFile> Failed)
{
    public static MroDocument From(string pattern, InheritanceReport report, IReadOnlyList<FileScan> failed) => new(
        DocumentJson.SchemaVersion,
        "mro",
        pattern,
        [.. report.Classes.Select(lineage => new MroClassDocument(
            lineage.Class.Name,
            lineage.Class.QualifiedName,
            lineage.Class.Module,
            lineage.Class.Path,
            lineage.Class.Line,
            [.. lineage.Bases.Select(b => new MroBaseDocument(b.Source, b.Name, b.Kind.ToString().ToLowerInvariant(), b.Resolved))],
            lineage.Mro,
            lineage.Unresolved,
            lineage.Error))],
        [.. failed.Select(f => new MroFailedFile(f.Path, f.Reason))]);
}

/// <summary>One class: where it is defined, its bases as resolved, its MRO (null when C3 fails; then <c>error</c> says why).</summary>
internal sealed record MroClassDocument(
    string Name, string QualifiedName, string Module, string Path, int Line, IReadOnlyList<MroBaseDocument> Bases, IReadOnlyList<string>? Mro, IReadOnlyList<string> Unresolved, string? Error);

/// <summary>One base expression as written (<c>source</c>) and what it resolved to.</summary>
internal sealed record MroBaseDocument(string Source, string Name, string Kind, bool Resolved);

/// <summary>A file the class index could not use, and why.</summary>
internal sealed record MroFailedFile(string Path, string? Reason);
