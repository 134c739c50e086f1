using System.Text.Json;
using Codemod.IntegrationTests.Infrastructure;

namespace Codemod.IntegrationTests.Cli;

/// <summary>Any importable LibCST <c>CodemodCommand</c> runs by its dotted path, LibCST's built-ins included; NAME, VERSION and PREFILTER are optional.</summary>
public sealed class DottedPathCodemodTests
{
    [Fact]
    public async Task Libcst_rename_command_runs_by_its_dotted_path_on_every_file()
    {
        // Given a file using a class that moves, and one that does not mention it
        using var dir = new TempDirectory();
        dir.Write("app.py", "from pkg.old import Thing\n\nx = Thing()\n");
        dir.Write("other.py", "y = 1\n");

        // When LibCST's own RenameCommand is previewed by dotted path
        var result = await CliHarness.RunAsync(dir.Path, "preview", "libcst.codemod.commands.rename.RenameCommand", ".",
            "--arg", "old_name=pkg.old.Thing", "--arg", "new_name=pkg.new.Thing", "--format", "json");

        // Then the file is rewritten; with no prefilter every file was parsed; the version falls back to "0"
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.StdoutBytes);
        var root = json.RootElement;
        Assert.Equal("libcst.codemod.commands.rename.RenameCommand", root.GetProperty("codemod").GetProperty("name").GetString());
        Assert.Equal("0", root.GetProperty("codemod").GetProperty("version").GetString());
        Assert.Equal((1, 2), (root.GetProperty("totals").GetProperty("changed").GetInt32(), root.GetProperty("totals").GetProperty("parsed").GetInt32()));
        Assert.Contains("+from pkg.new import Thing", root.GetProperty("files")[0].GetProperty("diff").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Own_command_without_name_version_or_prefilter_runs_by_dotted_path_with_its_module_version()
    {
        // Given a codemods folder whose class declares none of NAME, VERSION, PREFILTER
        using var dir = new TempDirectory();
        dir.Write("codemods/plain_mods.py", """
            import libcst as cst
            from libcst.codemod import VisitorBasedCodemodCommand

            __version__ = "2.5"


            class ShoutCommand(VisitorBasedCodemodCommand):
                DESCRIPTION = "Upper-cases the name quiet."

                def leave_Name(self, original_node, updated_node):
                    return updated_node.with_changes(value="QUIET") if updated_node.value == "quiet" else updated_node
            """);
        dir.Write("src/a.py", "quiet = 1\n");

        // When applying it by dotted path
        var result = await CliHarness.RunAsync(dir.Path, "apply", "plain_mods.ShoutCommand", "src", "--codemods", dir.Combine("codemods"), "--format", "json");

        // Then it ran, under the module's version
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("QUIET = 1\n", System.Text.Encoding.UTF8.GetString(dir.Read("src/a.py")));
        using var json = JsonDocument.Parse(result.StdoutBytes);
        Assert.Equal("2.5", json.RootElement.GetProperty("codemod").GetProperty("version").GetString());
    }

    [Theory]
    [InlineData("libcst.nowhere.Rename", "cannot import module 'libcst.nowhere'")]
    [InlineData("libcst.codemod.commands.rename.old_name", "is not a libcst.codemod.CodemodCommand class")]
    public async Task Dotted_path_that_is_not_a_codemod_is_a_usage_error(string path, string reason)
    {
        using var dir = new TempDirectory();
        dir.Write("a.py", "x = 1\n");

        var result = await CliHarness.RunAsync(dir.Path, "preview", path, ".");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(reason, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_all_shows_libcsts_built_in_commands_and_plain_list_does_not()
    {
        using var dir = new TempDirectory();

        var all = await CliHarness.RunAsync(dir.Path, "list", "--all", "--format", "json");
        var plain = await CliHarness.RunAsync(dir.Path, "list", "--format", "json");

        Assert.True(all.ExitCode == 0, all.ToString());
        Assert.Contains("\"name\": \"libcst.codemod.commands.rename.RenameCommand\"", all.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"name\": \"env-to-isolated\"", all.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("libcst.codemod.commands", plain.Stdout, StringComparison.Ordinal);
    }
}
