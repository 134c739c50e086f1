using System.Text.Json;
using Codemod.IntegrationTests.Infrastructure;

namespace Codemod.IntegrationTests.Engine;

/// <summary>A timeout is not a verdict on the file: it is retried once in a fresh worker with twice the limit, and only then reported as timed out.</summary>
[LongRunning]
public sealed class TimeoutRetryTests
{
    private static readonly string ExtraCodemods = Path.Combine(Paths.Fixtures, "extra-codemods");

    private const string SlowCodemod = """
        import time

        import libcst as cst
        from libcst.codemod import VisitorBasedCodemodCommand


        class SlowCommand(VisitorBasedCodemodCommand):
            NAME = "test-slow"
            DESCRIPTION = "Sleeps SLEEP seconds (a module-level constant of the file), then renames SLOW to DONE."
            VERSION = "0.1.0"
            PREFILTER = ()

            def visit_Assign(self, node):
                target = node.targets[0].target
                if isinstance(target, cst.Name) and target.value == "SLEEP":
                    time.sleep(float(node.value.value))

            def leave_Name(self, original_node, updated_node):
                return updated_node.with_changes(value="DONE") if updated_node.value == "SLOW" else updated_node
        """;

    [Fact]
    public async Task File_slower_than_the_limit_but_within_twice_it_succeeds_on_the_retry()
    {
        // Given a file that takes 3 s, and a 2.5 s limit (the retry gets 5 s: room for a fresh worker on a busy machine)
        using var dir = new TempDirectory();
        dir.Write("codemods/slow_codemod.py", SlowCodemod);
        dir.Write("slow.py", "SLEEP = 3\nSLOW = 1\n");

        // When previewing
        var result = await CliHarness.RunAsync(dir.Path, "preview", "test-slow", ".", "--codemods", dir.Combine("codemods"), "--timeout", "2.5", "-j", "1", "--format", "json");

        // Then the retry (5 s, fresh worker) rewrote it, and nothing failed
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.StdoutBytes);
        var totals = json.RootElement.GetProperty("totals");
        Assert.Equal((1, 0, 0), (totals.GetProperty("changed").GetInt32(), totals.GetProperty("failed").GetInt32(), totals.GetProperty("timedOut").GetInt32()));
    }

    [Fact]
    public async Task File_that_overruns_the_retry_too_is_reported_as_timed_out_in_the_summary_and_the_json()
    {
        // Given a file on which the codemod never finishes, beside a normal one
        using var dir = new TempDirectory();
        dir.Write("a_stall.py", "STALL_HERE = 1\n");
        dir.Write("b_fine.py", "REWRITE_ME = 1\n");

        // When previewing with a one-second limit
        var result = await CliHarness.RunAsync(dir.Path, "preview", "stall-on-marker", ".", "--codemods", ExtraCodemods, "--timeout", "1", "-j", "1", "--format", "json");

        // Then it is a failure of its own kind: "timed out", after 1 s and again after 2 s, and the other file went on
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("1 failed (1 timed out)", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("timed out a_stall.py: timed out after 1 s, and again after 2 s in a fresh worker", result.Stderr, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(result.StdoutBytes);
        Assert.Equal(1, json.RootElement.GetProperty("totals").GetProperty("timedOut").GetInt32());
        var files = json.RootElement.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("path").GetString()!);
        Assert.True(files["a_stall.py"].GetProperty("timedOut").GetBoolean());
        Assert.Equal("changed", files["b_fine.py"].GetProperty("outcome").GetString());
    }
}
