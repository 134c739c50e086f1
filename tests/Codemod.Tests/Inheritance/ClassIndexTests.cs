using Codemod.Core.Inheritance;
using Codemod.Core.Scan;
using static Codemod.Tests.Scan.ScanFacts;

namespace Codemod.Tests.Inheritance;

public sealed class ClassIndexTests
{
    private static readonly FileScan BaseModule = File("pkg/base.py", classes: [Class("Base", 3)]);

    private static BaseReference OnlyBase(params FileScan[] files)
    {
        var index = ClassIndex.Build(files);
        var child = index.Classes.Single(c => c.Name == "Child");
        return Assert.Single(index.BasesOf(child));
    }

    [Fact]
    public void From_import_with_an_alias_resolves_to_the_imported_class()
    {
        // Given `from pkg.base import Base as B` and `class Child(B)`
        var user = File("app/user.py", classes: [Class("Child", 5, "B")], imports: [From("pkg.base", "Base", "B")]);

        // When the index resolves Child's base
        var reference = OnlyBase(BaseModule, user);

        // Then it is the project class pkg.base.Base, written as B
        Assert.Equal(new BaseReference("B", "pkg.base.Base", BaseKind.Project), reference);
    }

    [Fact]
    public void Module_import_with_an_alias_resolves_attribute_access()
    {
        var user = File("app/user.py", classes: [Class("Child", 5, "pb.Base")], imports: [Import("pkg.base", "pb")]);

        Assert.Equal("pkg.base.Base", OnlyBase(BaseModule, user).Name);
    }

    [Fact]
    public void Plain_dotted_import_resolves_through_the_package_chain()
    {
        var user = File("app/user.py", classes: [Class("Child", 5, "pkg.base.Base")], imports: [Import("pkg.base")]);

        Assert.Equal(new BaseReference("pkg.base.Base", "pkg.base.Base", BaseKind.Project), OnlyBase(BaseModule, user));
    }

    [Fact]
    public void Relative_import_made_absolute_by_the_scan_resolves_like_an_absolute_one()
    {
        // Given `from .base import Base` in pkg/child.py, which the scan reports as module pkg.base
        var child = File("pkg/child.py", classes: [Class("Child", 5, "Base")], imports: [From("pkg.base", "Base")]);

        Assert.Equal(BaseKind.Project, OnlyBase(BaseModule, child).Kind);
    }

    [Fact]
    public void Re_export_through_a_package_init_reaches_the_defining_module()
    {
        // Given pkg/__init__.py re-exporting `from .impl.core import Base` and a user importing `from pkg import Base`
        var impl = File("pkg/impl/core.py", classes: [Class("Base", 2)]);
        var init = File("pkg/__init__.py", imports: [From("pkg.impl.core", "Base")]);
        var user = File("app/user.py", classes: [Class("Child", 5, "Base")], imports: [From("pkg", "Base")]);

        Assert.Equal("pkg.impl.core.Base", OnlyBase(impl, init, user).Name);
    }

    [Fact]
    public void Star_import_re_export_is_followed()
    {
        var init = File("pkg/__init__.py", imports: [From("pkg.base", "*")]);
        var user = File("app/user.py", classes: [Class("Child", 5, "pkg.Base")], imports: [Import("pkg")]);

        Assert.Equal("pkg.base.Base", OnlyBase(BaseModule, init, user).Name);
    }

    [Fact]
    public void Submodule_reached_through_a_package_import_is_resolved()
    {
        // `from pkg import base` then `class Child(base.Base)`: base is a submodule, not a name pkg/__init__ binds
        var user = File("app/user.py", classes: [Class("Child", 5, "base.Base")], imports: [From("pkg", "base")]);

        Assert.Equal("pkg.base.Base", OnlyBase(BaseModule, user).Name);
    }

    [Fact]
    public void Class_extending_an_imported_class_of_the_same_name_resolves_to_the_import()
    {
        // Given `from pkg.base import Base` (line 1) then `class Base(Base)` (line 5)
        var user = File("app/base.py", classes: [Class("Base", 5, "Base")], imports: [From("pkg.base", "Base", line: 1)]);
        var index = ClassIndex.Build([BaseModule, user]);

        var reference = Assert.Single(index.BasesOf(index.Find("app.base.Base")!));

        Assert.Equal("pkg.base.Base", reference.Name);
    }

    [Fact]
    public void Deprecation_shim_resolves_to_its_canonical_class()
    {
        // Given a legacy module whose __codemod_deprecated__ marker serves Base from pkg.base
        var legacy = File("legacy/old.py", shims: [new ShimFact(3, "Base", "pkg.base.Base", "2030-01-01")]);
        var user = File("app/user.py", classes: [Class("Child", 5, "Base")], imports: [From("legacy.old", "Base")]);

        Assert.Equal("pkg.base.Base", OnlyBase(BaseModule, legacy, user).Name);
    }

    [Fact]
    public void Nested_class_is_reached_through_its_outer_class()
    {
        var outer = File("pkg/models.py", classes: [Class("Outer", 1), Class("Outer.Inner", 2)]);
        var user = File("app/user.py", classes: [Class("Child", 5, "Outer.Inner")], imports: [From("pkg.models", "Outer")]);

        Assert.Equal("pkg.models.Outer.Inner", OnlyBase(outer, user).Name);
    }

    [Fact]
    public void Import_from_outside_the_project_is_an_external_leaf()
    {
        var reference = OnlyBase(File("app/user.py", classes: [Class("Child", 5, "ABC")], imports: [From("abc", "ABC")]));

        Assert.Equal(new BaseReference("ABC", "abc.ABC", BaseKind.External), reference);
        Assert.False(reference.Resolved);
    }

    [Fact]
    public void Unbound_plain_name_is_a_builtin()
    {
        Assert.Equal(new BaseReference("Exception", "Exception", BaseKind.Builtin), OnlyBase(File("app/errors.py", classes: [Class("Child", 5, "Exception")])));
    }

    [Fact]
    public void Call_expression_base_is_dynamic()
    {
        Assert.Equal(BaseKind.Dynamic, OnlyBase(File("app/user.py", classes: [Class("Child", 5, "declarative_base()")])).Kind);
    }

    [Fact]
    public void Project_module_without_the_name_is_missing()
    {
        var user = File("app/user.py", classes: [Class("Child", 5, "Model")], imports: [From("pkg.base", "Model")]);

        Assert.Equal(new BaseReference("Model", "pkg.base.Model", BaseKind.Missing), OnlyBase(BaseModule, user));
    }

    [Fact]
    public void Relative_import_above_the_top_package_is_missing()
    {
        var user = File("app.py", classes: [Class("Child", 5, "Base")], imports: [From("..base", "Base", unresolved: true)]);

        Assert.Equal(BaseKind.Missing, OnlyBase(user).Kind);
    }

    [Fact]
    public void Class_without_bases_derives_from_object()
    {
        var index = ClassIndex.Build([BaseModule]);

        Assert.Equal([BaseReference.Object], index.BasesOf(index.Find("pkg.base.Base")!));
    }

    [Fact]
    public void File_that_failed_to_parse_is_a_module_that_names_nothing()
    {
        // Given pkg/broken.py did not parse
        var user = File("app/user.py", classes: [Class("Child", 5, "Base")], imports: [From("pkg.broken", "Base")]);

        // Then the base is missing rather than external: the module is the project's own
        Assert.Equal(BaseKind.Missing, OnlyBase(FileScan.Failed("pkg/broken.py", "syntax error at line 1"), user).Kind);
    }
}
