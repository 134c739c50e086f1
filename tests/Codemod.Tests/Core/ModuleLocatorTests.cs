using Codemod.Core.Engine;

namespace Codemod.Tests.Core;

public sealed class ModuleLocatorTests
{
    [Theory]
    [InlineData("a/b/c.py", "a.b.c")]
    [InlineData("a/b/__init__.py", "a.b")]
    [InlineData("top.py", "top")]
    public void Module_name_follows_the_path(string path, string module) => Assert.Equal(module, ModuleLocator.ModuleOfFile(path));

    [Fact]
    public void Qualified_name_resolves_to_a_module_file_or_a_package_init()
    {
        using var folder = new TempFolder();
        folder.Write("pkg/mod.py", "");
        folder.Write("pkg/sub/__init__.py", "");

        Assert.Equal("pkg/mod.py", ModuleLocator.FileOfQualifiedName(folder.Path, "pkg.mod.Class"));
        Assert.Equal("pkg/sub/__init__.py", ModuleLocator.FileOfQualifiedName(folder.Path, "pkg.sub.Class"));
        Assert.Null(ModuleLocator.FileOfQualifiedName(folder.Path, "pkg.missing.Class"));
    }
}
