namespace Codemod.Core.Inheritance;

/// <summary>The classes matching a pattern with their lineages, and the graph of them and their ancestors (object left out).</summary>
public sealed record InheritanceReport(IReadOnlyList<ClassLineage> Classes, IReadOnlyList<InheritanceNode> Nodes, IReadOnlyList<InheritanceEdge> Edges);
