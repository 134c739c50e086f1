using System.Text;
using Codemod.Core.Apply;
using Codemod.Core.Changes;
using Codemod.Core.Files;

namespace Codemod.Tests.Core;

public sealed class ApplySafetyTests
{
    [Fact]
    public void An_edit_made_while_earlier_files_are_renamed_is_left_as_the_user_wrote_it_and_reported()
    {
        // Given two files to rewrite, and a user who edits the second while the first is renamed into place
        using var folder = new TempFolder();
        var a = Changed(folder, "a.py", "A = 1\n", "A = 2\n");
        var b = Changed(folder, "b.py", "B = 1\n", "B = 2\n");
        var replacer = new EditDuringFirstRename(Path.Combine(folder.Path, "b.py"), "B = 'mine'\n");

        // When the change set is applied
        var result = new ChangeApplier(replacer).Apply(folder.Path, [a, b]);

        // Then the first file is written, the second keeps the user's edit and is refused, and no temp file is left
        Assert.Equal(["a.py"], result.Written);
        Assert.Equal("b.py", Assert.Single(result.Refused).Path);
        Assert.Contains("changed on disk since it was read", result.Refused[0].Reason);
        Assert.Equal("A = 2\n", File.ReadAllText(Path.Combine(folder.Path, "a.py")));
        Assert.Equal("B = 'mine'\n", File.ReadAllText(Path.Combine(folder.Path, "b.py")));
        Assert.Equal(["a.py", "b.py"], Directory.EnumerateFiles(folder.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_file_under_a_symlinked_folder_is_never_written_through_it()
    {
        // Given a root whose folder 'linked' is a symbolic link to a folder outside it
        using var outside = new TempFolder();
        using var folder = new TempFolder();
        var victim = Changed(outside, "victim.py", "V = 1\n", "V = 2\n");
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "linked"), outside.Path);

        // When a change to linked/victim.py is applied
        var result = new ChangeApplier().Apply(folder.Path, [victim with { Path = "linked/victim.py" }]);

        // Then it is refused and the file outside the root is untouched
        Assert.Empty(result.Written);
        Assert.Contains("symbolic link", Assert.Single(result.Refused).Reason);
        Assert.Equal("V = 1\n", File.ReadAllText(Path.Combine(outside.Path, "victim.py")));
    }

    private static FileOutcome Changed(TempFolder folder, string path, string before, string after)
    {
        var original = Encoding.UTF8.GetBytes(before);
        folder.Write(path, original);
        return new FileOutcome
        {
            Path = path,
            Kind = OutcomeKind.Changed,
            OriginalBytes = original,
            OriginalHash = ContentHash.Of(original),
            NewBytes = Encoding.UTF8.GetBytes(after),
        };
    }

    private sealed class EditDuringFirstRename(string other, string text) : IFileReplacer
    {
        private bool _edited;

        public void Replace(string tempPath, string targetPath)
        {
            File.Move(tempPath, targetPath, overwrite: true);
            if (!_edited)
            {
                _edited = true;
                File.WriteAllText(other, text);
            }
        }
    }
}
