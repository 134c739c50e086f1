using Codemod.Core.Changes;
using Codemod.Core.Files;

namespace Codemod.Tests.Core;

public sealed class FileClassifierTests
{
    [Fact]
    public void Regular_file_is_read_with_its_exact_bytes_and_hash()
    {
        using var folder = new TempFolder();
        byte[] bytes = [0xEF, 0xBB, 0xBF, (byte)'x', (byte)'\r', (byte)'\n'];
        folder.Write("a.py", bytes);

        var (file, outcome) = new FileClassifier(1000).Read(folder.Path, "a.py");

        Assert.Null(outcome);
        Assert.Equal(bytes, file!.Bytes);
        Assert.Equal(ContentHash.Of(bytes), file.Hash);
    }

    [Fact]
    public void Symlink_is_skipped_and_names_its_target()
    {
        using var folder = new TempFolder();
        folder.Write("real.py", "x = 1\n");
        File.CreateSymbolicLink(Path.Combine(folder.Path, "link.py"), "real.py");

        var (file, outcome) = new FileClassifier(1000).Read(folder.Path, "link.py");

        Assert.Null(file);
        Assert.Equal(OutcomeKind.Skipped, outcome!.Kind);
        Assert.Contains("symbolic link", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void File_with_a_nul_byte_is_skipped_as_binary()
    {
        using var folder = new TempFolder();
        folder.Write("b.py", [(byte)'x', 0, (byte)'y']);

        var (_, outcome) = new FileClassifier(1000).Read(folder.Path, "b.py");

        Assert.Equal(OutcomeKind.Skipped, outcome!.Kind);
        Assert.Contains("binary", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void File_over_the_size_limit_is_skipped_without_being_read()
    {
        using var folder = new TempFolder();
        folder.Write("big.py", new string('x', 101));

        var (_, outcome) = new FileClassifier(100).Read(folder.Path, "big.py");

        Assert.Equal(OutcomeKind.Skipped, outcome!.Kind);
        Assert.Contains("too large", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Fifo_is_skipped_instead_of_blocking_the_read()
    {
        using var folder = new TempFolder();
        var fifo = Path.Combine(folder.Path, "pipe.py");
        Assert.Equal(0, MkFifo(fifo, Convert.ToInt32("644", 8)));

        var (_, outcome) = new FileClassifier(1000).Read(folder.Path, "pipe.py");

        Assert.Equal(OutcomeKind.Skipped, outcome!.Kind);
        Assert.Equal("not a regular file", outcome.Reason);
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MkFifo(string path, int mode);
}
