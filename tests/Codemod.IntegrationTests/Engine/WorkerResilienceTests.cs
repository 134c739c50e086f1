using System.Text;
using Codemod.IntegrationTests.Infrastructure;

namespace Codemod.IntegrationTests.Engine;

/// <summary>A worker that dies or hangs costs one file, never the run: the file is Failed with the reason and the rest go on.</summary>
[LongRunning]
public sealed class WorkerResilienceTests
{
    private static readonly string ExtraCodemods = Path.Combine(Paths.Fixtures, "extra-codemods");

    [Theory]
    [InlineData("pythonnet")]
    [InlineData("python")]
    public async Task Worker_killed_by_a_parser_crash_fails_that_file_and_the_run_goes_on(string host)
    {
        // Given a file so deeply nested that LibCST's native parser overflows its stack (a segfault), beside normal files
        using var dir = new TempDirectory();
        var deep = "import os\nx = " + new string('(', 5000) + "1" + new string(')', 5000) + "\nos.environ.get('A')\n";
        dir.Write("a_deep.py", deep);
        dir.Write("b_ok.py", "import os\nv = os.environ.get('A')\n");
        dir.Write("c_ok.py", "import os\nw = os.getenv('B')\n");

        // When previewing with a single worker, so the same slot must be restarted for the later files
        var result = await CliHarness.RunAsync(dir.Path, "preview", "env-to-isolated", ".", "--format", "json", "-j", "1", "--host", host);

        // Then the deep file failed with the crash as reason, both others changed, and the exit code says attention is needed
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("\"path\": \"a_deep.py\",\n      \"outcome\": \"failed\",\n      \"reason\": \"worker crashed (exit code", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"path\": \"b_ok.py\",\n      \"outcome\": \"changed\"", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"path\": \"c_ok.py\",\n      \"outcome\": \"changed\"", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(Encoding.UTF8.GetBytes(deep), dir.Read("a_deep.py"));
    }

    [Theory]
    [InlineData("pythonnet")]
    [InlineData("python")]
    public async Task Worker_stuck_past_the_timeout_is_killed_and_the_file_fails_with_the_reason(string host)
    {
        // Given a codemod that never finishes on one file
        using var dir = new TempDirectory();
        dir.Write("a_stall.py", "STALL_HERE = 1\n");
        dir.Write("b_fine.py", "x = 1\n");

        // When running it with a one-second timeout
        var result = await CliHarness.RunAsync(dir.Path, "preview", "stall-on-marker", ".", "--codemods", ExtraCodemods, "--timeout", "1", "-j", "1", "--format", "json", "--host", host);

        // Then that file failed on the timeout and the next file was still processed by a fresh worker
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("timed out after 1 s", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"path\": \"b_fine.py\",\n      \"outcome\": \"unchanged\"", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelled_apply_writes_nothing_and_exits_130()
    {
        // Given a file the codemod rewrites at once, and one on which it stalls
        using var dir = new TempDirectory();
        dir.Write("a.py", "REWRITE_ME = 1\n");
        dir.Write("b_stall.py", "STALL_HERE = 1\nREWRITE_ME = 2\n");
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(3));

        // When the run is interrupted (Ctrl+C cancels the same token) while a worker is busy
        var result = await CliHarness.RunAsync(dir.Path, cancel.Token, "apply", "stall-on-marker", ".", "--codemods", ExtraCodemods);

        // Then it exits 130 and every file keeps its bytes
        Assert.Equal(130, result.ExitCode);
        Assert.Contains("nothing was written", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("REWRITE_ME = 1\n", Encoding.UTF8.GetString(dir.Read("a.py")));
        Assert.Equal("STALL_HERE = 1\nREWRITE_ME = 2\n", Encoding.UTF8.GetString(dir.Read("b_stall.py")));
    }

    [Fact]
    public async Task Project_module_named_like_a_standard_module_does_not_shadow_the_workers_imports()
    {
        // Given a project whose own gettext.py would break any interpreter that imported it instead of the standard one
        // (the worker's argparse imports gettext), as a project rewritten by an earlier run can be
        using var dir = new TempDirectory();
        dir.Write("gettext.py", "raise ImportError('the project module shadowed the standard library')\n");
        dir.Write("app.py", "import os\nV = os.environ.get('A')\n");

        // When previewing from inside that project
        var result = await CliHarness.RunAsync(dir.Path, "preview", "env-to-isolated", ".", "--format", "json");

        // Then the workers start and the run succeeds
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("\"path\": \"app.py\",\n      \"outcome\": \"changed\"", result.Stdout, StringComparison.Ordinal);
    }
}
