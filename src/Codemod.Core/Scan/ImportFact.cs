using System.Text.Json.Serialization;

namespace Codemod.Core.Scan;

/// <summary>
/// One imported name: <c>import a.b [as x]</c> (<see cref="Name"/> null) or <c>from a.b import N [as x]</c>. Relative
/// imports arrive made absolute; one that climbs above the top package keeps its dots and is <see cref="Unresolved"/>.
/// </summary>
[ScanFact("imports")]
public sealed record ImportFact(
    ImportKind Kind,
    string Module,
    string? Name,
    [property: JsonPropertyName("asname")] string? AsName,
    int Line,
    [property: JsonPropertyName("toplevel")] bool TopLevel,
    bool Unresolved = false);
