using System.Text;
using Codemod.Cli.Rendering;
using Codemod.Core.Changes;
using Codemod.Core.Diff;

namespace Codemod.Tests.Core;

public sealed class PatchRoundTripTests
{
    private static FileOutcome Changed(string path, byte[] before, byte[] after) =>
        new() { Path = path, Kind = OutcomeKind.Changed, OriginalBytes = before, NewBytes = after, OriginalHash = "x" };

    private static readonly (string Path, byte[] Before, byte[] After)[] OddFiles =
    [
        ("crlf.py", "import os\r\nA = os.getenv('A')\r\nB = 1\r\n"u8.ToArray(), "from e import get_env\r\nA = get_env().get('A')\r\nB = 1\r\n"u8.ToArray()),
        ("bom.py", [0xEF, 0xBB, 0xBF, .. "x = 1\ny = 2\n"u8.ToArray()], [0xEF, 0xBB, 0xBF, .. "x = 1\ny = 3\n"u8.ToArray()]),
        ("latin1.py", Encoding.Latin1.GetBytes("# -*- coding: latin-1 -*-\nname = 'caf\u00e9'\n"), Encoding.Latin1.GetBytes("# -*- coding: latin-1 -*-\nname = 'th\u00e9'\n")),
        ("no_newline.py", "a = 1\nb = 2"u8.ToArray(), "a = 1\nb = 3"u8.ToArray()),
        ("gains_newline.py", "a = 1"u8.ToArray(), "a = 1\nb = 2\n"u8.ToArray()),
    ];

    private static PatchReader.Patch WriteAndRead()
    {
        var changes = new ChangeSet("env-to-isolated", "1.0.0", new Dictionary<string, IReadOnlyList<string>> { ["module"] = ["m"] }, [.. OddFiles.Select(f => Changed(f.Path, f.Before, f.After))], TimeSpan.Zero);
        using var patch = new MemoryStream();
        DiffRenderer.WritePatch(patch, changes, new Dictionary<string, string> { ["python"] = "3.11.7" });
        return PatchReader.Read(patch.ToArray());
    }

    [Fact]
    public void A_written_patch_reapplies_to_exactly_the_new_bytes_of_crlf_bom_latin1_and_unterminated_files()
    {
        var patch = WriteAndRead();

        Assert.Equal(OddFiles.Select(f => f.Path), patch.Files.Select(f => f.Path));
        foreach (var (file, (_, before, after)) in patch.Files.Zip(OddFiles))
        {
            var (bytes, problem) = file.ApplyTo(before);
            Assert.True(problem is null, $"{file.Path}: {problem}");
            Assert.Equal(after, bytes);
        }
    }

    [Fact]
    public void The_first_line_names_the_run_the_patch_came_from()
    {
        var metadata = PatchMetadata.Parse(WriteAndRead().Metadata);

        Assert.NotNull(metadata);
        Assert.Equal(("env-to-isolated", "1.0.0", "m", "3.11.7"), (metadata.Codemod, metadata.Version, metadata.Arguments["module"][0], metadata.Versions["python"]));
    }

    [Fact]
    public void Bytes_other_than_the_pre_image_are_refused_even_when_the_hunks_would_still_fit()
    {
        var crlf = WriteAndRead().Files[0];

        var (bytes, problem) = crlf.ApplyTo([.. OddFiles[0].Before, .. "# trailing comment\r\n"u8.ToArray()]);

        Assert.Null(bytes);
        Assert.Contains("pre-image", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_patch_without_index_lines_cannot_be_verified_and_is_refused()
    {
        var plain = UnifiedDiffBuilder.ToPatchBytes(UnifiedDiffBuilder.Build("a.py", "a = 1\n"u8.ToArray(), "a = 2\n"u8.ToArray()).Lines, Encoding.UTF8);

        var (bytes, problem) = PatchReader.Read(plain).Files.Single().ApplyTo("a = 1\n"u8.ToArray());

        Assert.Null(bytes);
        Assert.Contains("index", problem, StringComparison.Ordinal);
    }
}
