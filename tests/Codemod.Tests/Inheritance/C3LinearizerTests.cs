using Codemod.Core.Inheritance;

namespace Codemod.Tests.Inheritance;

public sealed class C3LinearizerTests
{
    private static C3Linearizer Over(params (string Node, string[] Bases)[] graph)
    {
        var bases = graph.ToDictionary(g => g.Node, g => (IReadOnlyList<string>)g.Bases);
        return new C3Linearizer(n => n == "object" ? [] : bases.GetValueOrDefault(n) ?? ["object"]);
    }

    [Fact]
    public void Diamond_puts_both_sides_before_the_shared_base()
    {
        // Given D(B, C) with B(A) and C(A)
        var c3 = Over(("A", ["object"]), ("B", ["A"]), ("C", ["A"]), ("D", ["B", "C"]));

        // When D is linearized
        var result = c3.Linearize("D");

        // Then A comes after both B and C, object last
        Assert.Null(result.Error);
        Assert.Equal(["D", "B", "C", "A", "object"], result.Order);
    }

    [Fact]
    public void Example_from_the_python_mro_paper_gives_pythons_order()
    {
        // Given the hierarchy of "The Python 2.3 Method Resolution Order" (F, E, D from object; C(D, F); B(D, E); A(B, C))
        var c3 = Over(("F", ["object"]), ("E", ["object"]), ("D", ["object"]), ("C", ["D", "F"]), ("B", ["D", "E"]), ("A", ["B", "C"]));

        // When A is linearized
        var result = c3.Linearize("A");

        // Then the order is the one Python computes
        Assert.Equal(["A", "B", "C", "D", "E", "F", "object"], result.Order);
    }

    [Fact]
    public void Base_listed_before_its_own_subclass_is_the_inconsistent_hierarchy_python_refuses()
    {
        // Given B(A) and C(A, B): A must precede B (local order) and follow it (B's MRO)
        var c3 = Over(("A", ["object"]), ("B", ["A"]), ("C", ["A", "B"]));

        // When C is linearized
        var result = c3.Linearize("C");

        // Then there is no order, and the error is Python's TypeError message
        Assert.Null(result.Order);
        Assert.Equal("Cannot create a consistent method resolution order (MRO) for bases A, B", result.Error);
    }

    [Fact]
    public void Crossed_orders_of_two_bases_are_inconsistent()
    {
        // Given X(A, B) and Y(B, A), then Z(X, Y)
        var c3 = Over(("A", ["object"]), ("B", ["object"]), ("X", ["A", "B"]), ("Y", ["B", "A"]), ("Z", ["X", "Y"]));

        // When Z is linearized
        var result = c3.Linearize("Z");

        // Then it fails naming the conflicting heads
        Assert.Equal("Cannot create a consistent method resolution order (MRO) for bases A, B", result.Error);
    }

    [Fact]
    public void Same_base_twice_is_a_duplicate_base_error()
    {
        var result = Over(("A", ["object"]), ("B", ["A", "A"])).Linearize("B");

        Assert.Equal("duplicate base class A", result.Error);
    }

    [Fact]
    public void Opaque_leaf_is_followed_by_object()
    {
        // Given a class whose base is unknown to the graph (an import from outside the project)
        var c3 = Over(("pkg.Model", ["sqlalchemy.orm.DeclarativeBase"]));

        // When it is linearized
        var result = c3.Linearize("pkg.Model");

        // Then the unknown base is a leaf ending in object
        Assert.Equal(["pkg.Model", "sqlalchemy.orm.DeclarativeBase", "object"], result.Order);
    }

    [Fact]
    public void Class_that_is_its_own_ancestor_is_reported_as_a_cycle()
    {
        var result = Over(("a.A", ["b.B"]), ("b.B", ["a.A"])).Linearize("a.A");

        Assert.Null(result.Order);
        Assert.StartsWith("inheritance cycle", result.Error);
    }

    [Fact]
    public void Class_deriving_from_an_inconsistent_class_inherits_its_error()
    {
        var c3 = Over(("A", ["object"]), ("B", ["A"]), ("C", ["A", "B"]), ("D", ["C"]));

        var result = c3.Linearize("D");

        Assert.Equal("base class C has no consistent MRO: Cannot create a consistent method resolution order (MRO) for bases A, B", result.Error);
    }

    [Fact]
    public void Explicit_bases_override_the_graph_for_one_definition()
    {
        // Given a module that defines Handler twice (the graph knows the last definition)
        var c3 = Over(("m.Handler", ["object"]), ("m.Base", ["object"]));

        // When the first definition, with its own bases, is linearized
        var result = c3.Linearize("m.Handler", ["m.Base"]);

        // Then its own bases are used
        Assert.Equal(["m.Handler", "m.Base", "object"], result.Order);
    }
}
