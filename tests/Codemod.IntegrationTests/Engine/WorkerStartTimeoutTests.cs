using Codemod.IntegrationTests.Infrastructure;
using Codemod.Processes;

namespace Codemod.IntegrationTests.Engine;

/// <summary>
/// A worker that does not answer its first request in time (a loaded machine, a slow file system) is an environment
/// problem said in one line with the way out, not an interruption: the run must not claim the user pressed Ctrl+C.
/// </summary>
[LongRunning]
public sealed class WorkerStartTimeoutTests
{
    [Fact]
    public async Task A_worker_slower_to_start_than_the_limit_is_reported_as_such_with_exit_4()
    {
        // Given a project and an interpreter whose worker processes take longer than 30 s to start
        using var dir = new TempDirectory();
        dir.Write("project/a.py", "import os\nv = os.environ.get('A')\n");
        var real = ProcessRunner.Run(new ProcessRequest("python3", ["-c", "import sys; print(sys.executable)"])).StandardOutput.Trim();
        var slow = dir.Write("slow-python/python3", $"#!/bin/sh\ncase \"$*\" in *codemod_worker*) sleep 45;; esac\nexec \"{real}\" \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(slow, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        // When previewing through the subprocess host with a per-file limit below 30 s
        var result = await CliHarness.RunWithDefaultHostAsync(dir.Combine("project"), "preview", "env-to-isolated", ".", "--no-cache",
            "--python", slow, "--host", "python", "-j", "1", "--timeout", "1");

        // Then the run stops with exit 4 and names the start-up limit and what to do, instead of "interrupted"
        Assert.Equal(4, result.ExitCode);
        Assert.Contains("the Python worker did not answer within 30 s of starting (a loaded machine?); run again with a larger --timeout", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("interrupted", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }
}
