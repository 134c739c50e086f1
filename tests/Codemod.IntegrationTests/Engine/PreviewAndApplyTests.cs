using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Codemod.IntegrationTests.Infrastructure;

namespace Codemod.IntegrationTests.Engine;

/// <summary>The CLI end to end on real files: preview formats, apply, exit codes.</summary>
public sealed class PreviewAndApplyTests
{
    private const string EnvRead = "import os\n\nTIMEOUT = os.environ.get(\"TIMEOUT\", \"30\")\n";

    [Fact]
    public async Task Preview_writes_nothing_and_check_exits_3_when_something_would_change()
    {
        // Given a file with an environment read
        using var dir = new TempDirectory();
        dir.Write("app/settings.py", EnvRead);

        // When previewing with --check
        var result = await CliHarness.RunAsync(dir.Path, "preview", "env-to-isolated", ".", "--check");

        // Then the diff is on stdout, the file is untouched, and the exit code is 3
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("+TIMEOUT = get_env().get(\"TIMEOUT\", \"30\")", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("--- a/app/settings.py", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(EnvRead, Encoding.UTF8.GetString(dir.Read("app/settings.py")));
    }

    [Fact]
    public async Task Check_exits_0_when_nothing_would_change()
    {
        using var dir = new TempDirectory();
        dir.Write("clean.py", "from shared.isolated_environment import get_env\n\nX = get_env().get(\"X\")\n");

        var result = await CliHarness.RunAsync(dir.Path, "preview", "env-to-isolated", ".", "--check");

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.StdoutBytes);
    }

    [Fact]
    public async Task Json_document_has_schema_version_totals_and_per_file_records()
    {
        // Given one file to change, one with a review item, one that cannot parse and one the prefilter drops
        using var dir = new TempDirectory();
        dir.Write("a.py", EnvRead);
        dir.Write("b.py", "import os\nURL = os.environ[\"DATABASE_URL\"]\n");
        dir.Write("c.py", "import os\ndef broken(:\n    os.environ.get('A')\n");
        dir.Write("d.py", "print('no environment here')\n");

        // When previewing as JSON
        var result = await CliHarness.RunAsync(dir.Path, "preview", "env-to-isolated", ".", "--format", "json");

        // Then the document says exactly that
        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.StdoutBytes);
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("preview", root.GetProperty("command").GetString());
        Assert.Equal("env-to-isolated", root.GetProperty("codemod").GetProperty("name").GetString());
        Assert.Equal("1.0.1", root.GetProperty("engine").GetProperty("libcst").GetString());
        var totals = root.GetProperty("totals");
        Assert.Equal((4, 1, 1, 1, 1, 1), (totals.GetProperty("found").GetInt32(), totals.GetProperty("notApplicable").GetInt32(), totals.GetProperty("changed").GetInt32(),
            totals.GetProperty("unchanged").GetInt32(), totals.GetProperty("failed").GetInt32(), totals.GetProperty("reviews").GetInt32()));
        var files = root.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("path").GetString()!);
        Assert.Equal(["a.py", "b.py", "c.py"], files.Keys);
        Assert.Equal("environ-get", files["a.py"].GetProperty("changes")[0].GetProperty("kind").GetString());
        Assert.StartsWith("--- a/a.py\n+++ b/a.py\n@@", files["a.py"].GetProperty("diff").GetString(), StringComparison.Ordinal);
        Assert.Equal("environ-subscript-read", files["b.py"].GetProperty("reviews")[0].GetProperty("kind").GetString());
        Assert.Equal(2, files["b.py"].GetProperty("reviews")[0].GetProperty("line").GetInt32());
        Assert.Equal("failed", files["c.py"].GetProperty("outcome").GetString());
        Assert.Equal(2, files["c.py"].GetProperty("line").GetInt32());
        Assert.Contains("syntax error", files["c.py"].GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Patch_output_is_accepted_by_git_apply_and_reproduces_the_apply_result_byte_for_byte()
    {
        // Given a repository with files in awkward encodings and line endings
        using var repo = TempRepo.Create();
        var files = new Dictionary<string, byte[]>
        {
            ["crlf.py"] = Encoding.UTF8.GetBytes("import os\r\n\r\nA = os.getenv(\"A\")\r\n"),
            ["bom.py"] = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("import os\nB = os.environ.get('B')\n")],
            ["latin1.py"] = Encoding.Latin1.GetBytes("# -*- coding: latin-1 -*-\nimport os\nNAME = 'caf\u00e9'\nC = os.environ.get('C')"),
        };
        foreach (var (path, bytes) in files)
        {
            repo.Directory.Write(path, bytes);
        }

        repo.CommitAll("initial");

        // When the patch is applied with git, and separately the codemod is applied in a copy
        var patch = await CliHarness.RunAsync(repo.Path, "preview", "env-to-isolated", ".", "--format", "patch");
        using var copy = new TempDirectory();
        copy.CopyFrom(repo.Path);
        Directory.Delete(copy.Combine(".git"), recursive: true);
        var applied = await CliHarness.RunAsync(copy.Path, "apply", "env-to-isolated", ".");
        var patchFile = Path.Combine(Path.GetTempPath(), $"codemod-{Guid.NewGuid():N}.patch");
        await File.WriteAllBytesAsync(patchFile, patch.StdoutBytes);
        var check = repo.Git.Run("apply", "--check", patchFile);
        var apply = repo.Git.Run("apply", patchFile);
        File.Delete(patchFile);

        // Then git accepts it and both routes give the same bytes, with CRLF, BOM and latin-1 intact
        Assert.True(check.Succeeded, check.StandardError + "\n" + patch.Stdout);
        Assert.True(apply.Succeeded, apply.StandardError);
        Assert.Equal(0, applied.ExitCode);
        foreach (var path in files.Keys)
        {
            Assert.Equal(copy.Read(path), repo.Directory.Read(path));
            Assert.NotEqual(files[path], repo.Directory.Read(path));
        }

        Assert.Contains("\r\nA = get_env().get(\"A\")\r\n", Encoding.UTF8.GetString(repo.Directory.Read("crlf.py")), StringComparison.Ordinal);
        Assert.Equal([0xEF, 0xBB, 0xBF], repo.Directory.Read("bom.py")[..3]);
        Assert.Contains((byte)0xE9, repo.Directory.Read("latin1.py"));
    }

    [Fact]
    public async Task Second_apply_changes_nothing()
    {
        using var dir = new TempDirectory();
        dir.Write("a.py", EnvRead);

        var first = await CliHarness.RunAsync(dir.Path, "apply", "env-to-isolated", ".");
        var afterFirst = dir.Read("a.py");
        var second = await CliHarness.RunAsync(dir.Path, "apply", "env-to-isolated", ".", "--format", "json");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(afterFirst, dir.Read("a.py"));
        Assert.Contains("\"changed\": 0", second.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_codemod_is_a_usage_error_naming_the_known_ones()
    {
        using var dir = new TempDirectory();

        var result = await CliHarness.RunAsync(dir.Path, "preview", "no-such-codemod", ".");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown codemod 'no-such-codemod'", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("env-to-isolated", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_parameter_is_a_usage_error_listing_the_parameters()
    {
        using var dir = new TempDirectory();

        var result = await CliHarness.RunAsync(dir.Path, "preview", "env-to-isolated", ".", "--arg", "modul=x");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no parameter 'modul'", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_python_exits_4_with_the_line_that_fixes_it()
    {
        using var dir = new TempDirectory();

        var result = await CliHarness.RunAsync(dir.Path, "preview", "env-to-isolated", ".", "--python", "/nonexistent/python3");

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("--python PATH", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_option_value_is_a_usage_error()
    {
        using var dir = new TempDirectory();

        var result = await CliHarness.RunAsync(dir.Path, "preview", "env-to-isolated", "--format", "xml");

        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public async Task Unreadable_files_are_named_in_the_summary_and_stay_byte_identical()
    {
        // Given a symlink, a binary file and a syntax error beside a good file
        using var dir = new TempDirectory();
        dir.Write("good.py", EnvRead);
        dir.Write("target.py", EnvRead);
        File.CreateSymbolicLink(dir.Combine("link.py"), "target.py");
        dir.Write("blob.py", [(byte)'o', (byte)'s', 0, (byte)'e', (byte)'n', (byte)'v', (byte)'i', (byte)'r', (byte)'o', (byte)'n']);
        var broken = "import os\nx = os.environ.get('A'\n";
        dir.Write("broken.py", broken);

        // When applying
        var result = await CliHarness.RunAsync(dir.Path, "apply", "env-to-isolated", ".");

        // Then each one is named with its reason, and none changed
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("link.py: symbolic link", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("blob.py: binary", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("broken.py:", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(broken, Encoding.UTF8.GetString(dir.Read("broken.py")));
        Assert.True(new FileInfo(dir.Combine("link.py")).LinkTarget == "target.py");
    }

    [Fact]
    public async Task Sample_monorepo_apply_leaves_every_file_compiling_and_a_second_apply_changes_nothing()
    {
        // Given a copy of the bundled sample monorepo
        using var dir = new TempDirectory();
        dir.CopyFrom(Paths.SampleMonorepo);

        // When env-to-isolated is applied twice
        var first = await CliHarness.RunAsync(dir.Path, "apply", "env-to-isolated", ".", "--format", "json");
        var second = await CliHarness.RunAsync(dir.Path, "apply", "env-to-isolated", ".", "--format", "json");

        // Then the first changed files, all of which still compile, and the second changed none
        using var firstJson = JsonDocument.Parse(first.StdoutBytes);
        Assert.True(firstJson.RootElement.GetProperty("totals").GetProperty("changed").GetInt32() >= 5, first.ToString());
        Assert.Equal(0, firstJson.RootElement.GetProperty("totals").GetProperty("failed").GetInt32());
        using var secondJson = JsonDocument.Parse(second.StdoutBytes);
        Assert.Equal(0, secondJson.RootElement.GetProperty("totals").GetProperty("changed").GetInt32());
        var compile = Process.Start(new ProcessStartInfo("python3", ["-m", "compileall", "-q", dir.Path]) { RedirectStandardOutput = true })!;
        var output = await compile.StandardOutput.ReadToEndAsync();
        await compile.WaitForExitAsync();
        Assert.True(compile.ExitCode == 0, output);
    }
}
