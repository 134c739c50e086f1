namespace Codemod.IntegrationTests.Infrastructure;

/// <summary>
/// A folder of small codemods passed with <c>--codemods</c>: a breaking class rename (records a breaking change), one
/// that always fails, and one that writes a name without importing it, for tests that need behaviours the bundled
/// codemods do not have.
/// </summary>
public static class TestCodemods
{
    public const string Rename = "test-rename-class";
    public const string Explode = "test-explode";
    public const string Unimported = "test-unimported-accessor";

    private const string Source = """
        import libcst as cst
        from libcst.codemod import VisitorBasedCodemodCommand
        from libcst.metadata import PositionProvider

        from _codemod_support import ReportingMixin


        class RenameClassCommand(ReportingMixin, VisitorBasedCodemodCommand):
            NAME = "test-rename-class"
            DESCRIPTION = "Rename a module-level class (a breaking change, for tests)."
            VERSION = "0.1.0"
            PREFILTER = ()
            BREAKING = True
            METADATA_DEPENDENCIES = (PositionProvider,)

            @staticmethod
            def add_args(arg_parser):
                arg_parser.add_argument("--old", dest="old", required=True, help="class to rename")
                arg_parser.add_argument("--new", dest="new", required=True, help="its new name")

            def __init__(self, context, old, new):
                super().__init__(context)
                self.old = old
                self.new = new

            def leave_ClassDef(self, original_node, updated_node):
                if updated_node.name.value != self.old:
                    return updated_node
                module = self.context.full_module_name
                self.record_change(original_node, "class-renamed", f"{self.old} -> {self.new}")
                self.record_breaking(f"{module}.{self.old} is now {module}.{self.new}", f"use {module}.{self.new}")
                return updated_node.with_changes(name=cst.Name(self.new))


        class ExplodeCommand(VisitorBasedCodemodCommand):
            NAME = "test-explode"
            DESCRIPTION = "Fails on every file (for tests)."
            VERSION = "0.1.0"
            PREFILTER = ()

            def visit_Module(self, node):
                raise RuntimeError("boom")


        class UnimportedAccessorCommand(VisitorBasedCodemodCommand):
            NAME = "test-unimported-accessor"
            DESCRIPTION = "Rewrite os.getenv(k) to get_env().get(k) and import nothing (deliberately wrong, for tests)."
            VERSION = "0.1.0"
            PREFILTER = ("getenv",)

            def leave_Call(self, original_node, updated_node):
                func = updated_node.func
                if isinstance(func, cst.Attribute) and func.attr.value == "getenv":
                    accessor = cst.Call(func=cst.Name("get_env"))
                    return updated_node.with_changes(func=cst.Attribute(value=accessor, attr=cst.Name("get")))
                return updated_node
        """;

    /// <summary>Writes the codemods into <paramref name="directory"/> and returns the folder to pass to --codemods.</summary>
    public static string WriteTo(TempDirectory directory)
    {
        directory.Write("codemods/test_codemods.py", Source);
        return directory.Combine("codemods");
    }
}
