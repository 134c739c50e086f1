namespace Codemod.Core.Inheritance;

/// <summary>Computes lineages over a <see cref="ClassIndex"/>: C3 through project classes, opaque leaves (then <c>object</c>) for the rest.</summary>
public sealed class MroAnalyzer
{
    private readonly ClassIndex _index;
    private readonly C3Linearizer _linearizer;

    public MroAnalyzer(ClassIndex index)
    {
        _index = index;
        _linearizer = new C3Linearizer(BaseNamesOf);
    }

    public InheritanceReport Analyze(ClassPattern pattern)
    {
        var matched = _index.Classes.Where(pattern.Matches).ToList();
        var lineages = matched.Select(Lineage).ToList();
        var (nodes, edges) = Graph(matched);
        return new InheritanceReport(lineages, nodes, edges);
    }

    public ClassLineage Lineage(IndexedClass indexed)
    {
        var bases = _index.BasesOf(indexed);
        var result = _linearizer.Linearize(indexed.QualifiedName, [.. bases.Select(b => b.Name)]);
        var unresolved = result.Order is { } order
            ? order.Skip(1).Where(n => n != "object" && _index.Find(n) is null).ToList()
            : bases.Where(b => !b.Resolved).Select(b => b.Name).Distinct(StringComparer.Ordinal).ToList();
        return new ClassLineage(indexed, bases, result.Order, unresolved, result.Error);
    }

    private IReadOnlyList<string> BaseNamesOf(string node) => node switch
    {
        "object" => [],
        _ when _index.Find(node) is { } indexed => [.. _index.BasesOf(indexed).Select(b => b.Name)],
        _ => ["object"],
    };

    // Breadth-first from the matched classes through project bases; deterministic because the start is sorted and bases keep their order.
    private (IReadOnlyList<InheritanceNode> Nodes, IReadOnlyList<InheritanceEdge> Edges) Graph(IReadOnlyList<IndexedClass> matched)
    {
        var nodes = new Dictionary<string, InheritanceNode>(StringComparer.Ordinal);
        var edges = new List<InheritanceEdge>();
        var queue = new Queue<IndexedClass>();
        foreach (var indexed in matched)
        {
            if (nodes.TryAdd(indexed.QualifiedName, new InheritanceNode(indexed.QualifiedName, BaseKind.Project, indexed, Matched: true)))
            {
                queue.Enqueue(indexed);
            }
        }

        while (queue.Count > 0)
        {
            var child = queue.Dequeue();
            foreach (var (reference, position) in _index.BasesOf(child).Select((b, i) => (b, i)).Where(x => x.b.Kind != BaseKind.Object))
            {
                edges.Add(new InheritanceEdge(child.QualifiedName, reference.Name, position));
                var parent = reference.Kind == BaseKind.Project ? _index.Find(reference.Name) : null;
                if (nodes.TryAdd(reference.Name, new InheritanceNode(reference.Name, reference.Kind, parent, Matched: false)) && parent is not null)
                {
                    queue.Enqueue(parent);
                }
            }
        }

        return ([.. nodes.Values], edges.Distinct().ToList());
    }
}
