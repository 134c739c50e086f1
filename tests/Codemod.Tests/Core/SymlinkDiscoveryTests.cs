using Codemod.Core.Discovery;
using Codemod.Core.Settings;

namespace Codemod.Tests.Core;

public sealed class SymlinkDiscoveryTests
{
    private sealed class NoGit : IFileLister
    {
        public IReadOnlyList<string>? ListFiles(string root) => null;
    }

    [Fact]
    public void Walk_outside_git_never_follows_a_symlinked_folder_or_a_symlink_loop()
    {
        // Given a root with a file, a folder linked to one outside the root, and a link back to the root itself
        using var outside = new TempFolder();
        outside.Write("secret.py", "");
        using var folder = new TempFolder();
        folder.Write("pkg/a.py", "");
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "elsewhere"), outside.Path);
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "pkg/loop"), folder.Path);

        // When the files are discovered
        var files = new FileDiscoverer(new NoGit()).Discover(new RunSettings { Root = folder.Path });

        // Then only the root's own file is listed, once
        Assert.Equal(["pkg/a.py"], files);
    }
}
