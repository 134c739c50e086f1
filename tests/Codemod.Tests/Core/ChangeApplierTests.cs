using System.Text;
using Codemod.Core.Apply;
using Codemod.Core.Changes;
using Codemod.Core.Files;

namespace Codemod.Tests.Core;

public sealed class ChangeApplierTests
{
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

    private sealed class FailOnCall(int failingCall) : IFileReplacer
    {
        private int _calls;

        public void Replace(string tempPath, string targetPath)
        {
            if (++_calls == failingCall)
            {
                throw new IOException("disk full");
            }

            File.Move(tempPath, targetPath, overwrite: true);
        }
    }

    [Fact]
    public void Changed_files_are_written_and_unchanged_ones_are_not_touched()
    {
        using var folder = new TempFolder();
        var a = Changed(folder, "a.py", "x\n", "y\n");
        folder.Write("b.py", "keep\n");
        var stamp = File.GetLastWriteTimeUtc(Path.Combine(folder.Path, "b.py"));

        var result = new ChangeApplier().Apply(folder.Path, [a, new FileOutcome { Path = "b.py", Kind = OutcomeKind.Unchanged }]);

        Assert.True(result.Succeeded);
        Assert.Equal(["a.py"], result.Written);
        Assert.Equal("y\n", File.ReadAllText(Path.Combine(folder.Path, "a.py")));
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(Path.Combine(folder.Path, "b.py")));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Mode_bits_survive_the_rewrite()
    {
        using var folder = new TempFolder();
        var outcome = Changed(folder, "run.py", "x\n", "y\n");
        var mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        File.SetUnixFileMode(Path.Combine(folder.Path, "run.py"), mode);

        new ChangeApplier().Apply(folder.Path, [outcome]);

        Assert.Equal(mode, File.GetUnixFileMode(Path.Combine(folder.Path, "run.py")));
    }

    [Fact]
    public void File_edited_since_it_was_read_is_refused_and_left_as_the_user_wrote_it()
    {
        using var folder = new TempFolder();
        var outcome = Changed(folder, "a.py", "x\n", "y\n");
        folder.Write("a.py", "edited by someone\n");

        var result = new ChangeApplier().Apply(folder.Path, [outcome]);

        Assert.Empty(result.Written);
        Assert.Single(result.Refused);
        Assert.Equal("edited by someone\n", File.ReadAllText(Path.Combine(folder.Path, "a.py")));
    }

    [Fact]
    public void Failure_on_the_second_write_restores_the_first_file_and_leaves_no_temp_files()
    {
        using var folder = new TempFolder();
        var a = Changed(folder, "a.py", "a-before\n", "a-after\n");
        var b = Changed(folder, "b.py", "b-before\n", "b-after\n");

        var result = new ChangeApplier(new FailOnCall(2)).Apply(folder.Path, [a, b]);

        Assert.False(result.Succeeded);
        Assert.Contains("b.py", result.Error, StringComparison.Ordinal);
        Assert.Equal("a-before\n", File.ReadAllText(Path.Combine(folder.Path, "a.py")));
        Assert.Equal("b-before\n", File.ReadAllText(Path.Combine(folder.Path, "b.py")));
        Assert.Equal(["a.py", "b.py"], Directory.GetFiles(folder.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
