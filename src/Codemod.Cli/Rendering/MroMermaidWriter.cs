using Codemod.Core.Inheritance;

namespace Codemod.Cli.Rendering;

/// <summary>
/// <c>codemod mro --format mermaid</c>: a <c>classDiagram</c> of the matching classes and their ancestors. Node ids are
/// positional (C1, C2, …) because same-named classes in different modules must stay distinct; labels carry the
/// qualified names. Unresolved ancestors are annotated with why.
/// </summary>
internal static class MroMermaidWriter
{
    public static void Write(TextWriter output, InheritanceReport report)
    {
        output.NewLine = "\n";
        var ordered = report.Nodes
            .OrderBy(n => n.Matched ? 0 : 1)
            .ThenBy(n => n.Name, StringComparer.Ordinal)
            .ToList();
        var positions = ordered.Select((n, i) => (n.Name, Position: i + 1)).ToDictionary(x => x.Name, x => x.Position, StringComparer.Ordinal);
        var ids = positions.ToDictionary(p => p.Key, p => $"C{p.Value}", StringComparer.Ordinal);
        output.WriteLine("classDiagram");
        foreach (var node in ordered)
        {
            output.WriteLine($"    class {ids[node.Name]}[\"{Label(node.Name)}\"]");
            if (node.Kind != BaseKind.Project)
            {
                output.WriteLine($"    <<{node.Kind.ToString().ToLowerInvariant()}>> {ids[node.Name]}");
            }
        }

        foreach (var edge in report.Edges
            .OrderBy(e => positions[e.Child])
            .ThenBy(e => e.Position))
        {
            output.WriteLine($"    {ids[edge.Parent]} <|-- {ids[edge.Child]}");
        }
    }

    // Mermaid labels end at a double quote and treat backticks as markdown: neither occurs in a dotted name, but a dynamic base may hold them.
    private static string Label(string name) => name.Replace("\"", "#quot;", StringComparison.Ordinal).Replace("`", "'", StringComparison.Ordinal);
}
