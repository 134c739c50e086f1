namespace Codemod.Core.Inheritance;

/// <summary>
/// Python's C3 linearization over named nodes. <c>basesOf</c> gives a node's direct bases in order; a node it has no
/// bases for must be given <c>[object]</c> by the caller (opaque leaves), and <c>object</c> itself <c>[]</c>. Memoised per instance.
/// </summary>
public sealed class C3Linearizer(Func<string, IReadOnlyList<string>> basesOf, Func<string, string>? display = null)
{
    private readonly Dictionary<string, Linearization> _done = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inProgress = new(StringComparer.Ordinal);
    private readonly Func<string, string> _display = display ?? ShortName;

    public Linearization Linearize(string node)
    {
        if (!_done.TryGetValue(node, out var result))
        {
            result = Linearize(node, basesOf(node));
            _done[node] = result;
        }

        return result;
    }

    /// <summary>The order of <paramref name="node"/> with explicitly given bases (for one of several same-named definitions); not memoised.</summary>
    public Linearization Linearize(string node, IReadOnlyList<string> bases)
    {
        if (!_inProgress.Add(node))
        {
            return Linearization.Fail($"inheritance cycle: {_display(node)} is its own ancestor");
        }

        try
        {
            return Compute(node, bases);
        }
        finally
        {
            _inProgress.Remove(node);
        }
    }

    private Linearization Compute(string node, IReadOnlyList<string> bases)
    {
        var duplicate = bases.GroupBy(b => b, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            return Linearization.Fail($"duplicate base class {_display(duplicate.Key)}");
        }

        var sequences = new List<List<string>>();
        foreach (var parent in bases)
        {
            var parentOrder = Linearize(parent);
            if (parentOrder.Error is not null)
            {
                return parentOrder.Error.StartsWith("inheritance cycle", StringComparison.Ordinal)
                    ? parentOrder
                    : Linearization.Fail($"base class {_display(parent)} has no consistent MRO: {parentOrder.Error}");
            }

            sequences.Add([.. parentOrder.Order!]);
        }

        sequences.Add([.. bases]);
        var order = new List<string> { node };
        while (true)
        {
            sequences.RemoveAll(s => s.Count == 0);
            if (sequences.Count == 0)
            {
                return Linearization.Of(order);
            }

            // The first head that appears in no sequence's tail comes next; none such means Python raises TypeError.
            var next = sequences.Select(s => s[0]).FirstOrDefault(head => !sequences.Any(s => s.IndexOf(head, 1) > 0));
            if (next is null)
            {
                var heads = sequences.Select(s => _display(s[0])).Distinct(StringComparer.Ordinal);
                return Linearization.Fail($"Cannot create a consistent method resolution order (MRO) for bases {string.Join(", ", heads)}");
            }

            order.Add(next);
            foreach (var sequence in sequences.Where(s => s[0] == next))
            {
                sequence.RemoveAt(0);
            }
        }
    }

    private static string ShortName(string node) => node[(node.LastIndexOf('.') + 1)..];
}
