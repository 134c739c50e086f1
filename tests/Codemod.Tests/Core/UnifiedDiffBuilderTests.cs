using System.Text;
using Codemod.Core.Diff;

namespace Codemod.Tests.Core;

public sealed class UnifiedDiffBuilderTests
{
    private static string Diff(string before, string after)
    {
        var (lines, encoding) = UnifiedDiffBuilder.Build("pkg/mod.py", Encoding.UTF8.GetBytes(before), Encoding.UTF8.GetBytes(after));
        return Encoding.UTF8.GetString(UnifiedDiffBuilder.ToPatchBytes(lines, encoding));
    }

    [Fact]
    public void Single_line_change_has_git_headers_and_three_lines_of_context()
    {
        var before = "a\nb\nc\nd\ne\nf\ng\n";
        var after = "a\nb\nc\nD\ne\nf\ng\n";

        var diff = Diff(before, after);

        Assert.Equal("--- a/pkg/mod.py\n+++ b/pkg/mod.py\n@@ -1,7 +1,7 @@\n a\n b\n c\n-d\n+D\n e\n f\n g\n", diff);
    }

    [Fact]
    public void Distant_changes_become_separate_hunks()
    {
        var before = string.Concat(Enumerable.Range(1, 20).Select(i => $"line{i}\n"));
        var after = before.Replace("line2\n", "two\n", StringComparison.Ordinal).Replace("line18\n", "eighteen\n", StringComparison.Ordinal);

        var diff = Diff(before, after);

        Assert.Contains("@@ -1,5 +1,5 @@", diff, StringComparison.Ordinal);
        Assert.Contains("@@ -15,6 +15,6 @@", diff, StringComparison.Ordinal);
    }

    [Fact]
    public void Crlf_lines_keep_their_carriage_returns_in_the_patch()
    {
        var diff = Diff("x = 1\r\ny = 2\r\n", "x = 1\r\ny = 3\r\n");

        Assert.Contains("-y = 2\r\n+y = 3\r\n", diff, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_final_newline_is_marked_as_git_does()
    {
        var diff = Diff("x = 1\ny = 2", "x = 1\ny = 3");

        Assert.EndsWith("-y = 2\n\\ No newline at end of file\n+y = 3\n\\ No newline at end of file\n", diff, StringComparison.Ordinal);
    }

    [Fact]
    public void Pure_insertion_at_the_top_counts_lines_from_zero()
    {
        var diff = Diff("a\n", "import b\na\n");

        Assert.Contains("@@ -1 +1,2 @@\n+import b\n a\n", diff, StringComparison.Ordinal);
    }

    [Fact]
    public void Latin1_bytes_survive_the_patch_exactly()
    {
        var before = Encoding.Latin1.GetBytes("# -*- coding: latin-1 -*-\nname = 'caf\u00e9'\n");
        var after = Encoding.Latin1.GetBytes("# -*- coding: latin-1 -*-\nname = 'caf\u00e9!'\n");

        var (lines, encoding) = UnifiedDiffBuilder.Build("m.py", before, after);
        var patch = UnifiedDiffBuilder.ToPatchBytes(lines, encoding);

        Assert.Contains((byte)0xE9, patch);
        Assert.DoesNotContain((byte)0xC3, patch);
    }
}
