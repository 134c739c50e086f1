using Codemod.Core.Cache;

namespace Codemod.Tests.Cache;

public sealed class ArgumentFilesTests
{
    [Fact]
    public void Editing_a_file_an_argument_names_changes_the_fingerprint()
    {
        using var folder = new TempFolder();
        folder.Write("mapping.yaml", "a.B: c.D\n");
        var arguments = new Dictionary<string, IReadOnlyList<string>> { ["mapping"] = ["mapping.yaml"] };
        var before = ArgumentFiles.Fingerprint(arguments, folder.Path);

        folder.Write("mapping.yaml", "a.B: e.F\n");

        Assert.NotEqual(before, ArgumentFiles.Fingerprint(arguments, folder.Path));
    }
}
