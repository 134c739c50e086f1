using Codemod.Core.Inheritance;
using Codemod.Core.Scan;
using static Codemod.Tests.Scan.ScanFacts;

namespace Codemod.Tests.Inheritance;

public sealed class MroAnalyzerTests
{
    private static InheritanceReport Analyze(string pattern, params FileScan[] files) =>
        new MroAnalyzer(ClassIndex.Build(files)).Analyze(ClassPattern.Parse(pattern));

    [Fact]
    public void Diamond_across_modules_follows_imports_and_c3()
    {
        // Given A in core, B(A) and C(A) in two modules, D(B, C) importing both
        var files = new[]
        {
            File("core/a.py", classes: [Class("A", 1)]),
            File("core/b.py", classes: [Class("B", 3, "A")], imports: [From("core.a", "A")]),
            File("core/c.py", classes: [Class("C", 3, "a.A")], imports: [From("core", "a")]),
            File("app/d.py", classes: [Class("D", 4, "B", "Right")], imports: [From("core.b", "B"), From("core.c", "C", "Right")]),
        };

        // When D's lineage is computed
        var lineage = Assert.Single(Analyze("D", files).Classes);

        // Then it is Python's C3 order over the resolved classes
        Assert.Equal(["app.d.D", "core.b.B", "core.c.C", "core.a.A", "object"], lineage.Mro);
        Assert.Empty(lineage.Unresolved);
        Assert.Null(lineage.Error);
    }

    [Fact]
    public void Unresolved_bases_are_opaque_leaves_and_listed()
    {
        var files = new[]
        {
            File("app/base.py", classes: [Class("Service", 3, "ABC")], imports: [From("abc", "ABC")]),
            File("app/impl.py", classes: [Class("Impl", 3, "Service", "Generic")], imports: [From("app.base", "Service"), From("typing", "Generic")]),
        };

        var lineage = Assert.Single(Analyze("Impl", files).Classes);

        Assert.Equal(["app.impl.Impl", "app.base.Service", "abc.ABC", "typing.Generic", "object"], lineage.Mro);
        Assert.Equal(["abc.ABC", "typing.Generic"], lineage.Unresolved);
    }

    [Fact]
    public void Inconsistent_hierarchy_is_reported_with_pythons_message()
    {
        var files = new[]
        {
            File("m.py", classes: [Class("A", 1), Class("B", 2, "A"), Class("Broken", 3, "A", "B")]),
        };

        var lineage = Assert.Single(Analyze("Broken", files).Classes);

        Assert.Null(lineage.Mro);
        Assert.Equal("Cannot create a consistent method resolution order (MRO) for bases A, B", lineage.Error);
    }

    [Fact]
    public void Glob_on_the_class_name_matches_every_module_and_orders_by_qualified_name()
    {
        var files = new[]
        {
            File("b/ws.py", classes: [Class("WebSocketManager", 1)]),
            File("a/ws.py", classes: [Class("LegacyWebSocketManager", 1), Class("Other", 5)]),
        };

        var names = Analyze("*WebSocketManager", files).Classes.Select(c => c.Class.QualifiedName);

        Assert.Equal(["a.ws.LegacyWebSocketManager", "b.ws.WebSocketManager"], names);
    }

    [Fact]
    public void Dotted_pattern_matches_the_qualified_name()
    {
        var files = new[] { File("b/ws.py", classes: [Class("Manager", 1)]), File("a/ws.py", classes: [Class("Manager", 1)]) };

        var lineage = Assert.Single(Analyze("a.*.Manager", files).Classes);

        Assert.Equal("a.ws.Manager", lineage.Class.QualifiedName);
    }

    [Fact]
    public void Graph_holds_matches_and_their_ancestors_without_object()
    {
        var files = new[]
        {
            File("m.py", classes: [Class("Base", 1, "ABC"), Class("Child", 5, "Base")], imports: [From("abc", "ABC")]),
        };

        var report = Analyze("Child", files);

        Assert.Equal(["m.Child", "m.Base", "abc.ABC"], report.Nodes.Select(n => n.Name));
        Assert.Equal([new InheritanceEdge("m.Child", "m.Base", 0), new InheritanceEdge("m.Base", "abc.ABC", 0)], report.Edges);
        Assert.Equal(BaseKind.External, report.Nodes.Single(n => n.Name == "abc.ABC").Kind);
    }
}
