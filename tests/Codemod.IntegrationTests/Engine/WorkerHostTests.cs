using Codemod.IntegrationTests.Infrastructure;
using Codemod.Processes;

namespace Codemod.IntegrationTests.Engine;

/// <summary>
/// The worker host: pythonnet by default where the interpreter has a shared libpython, the python3 subprocess where it
/// has none (said once on stderr), and the same output either way. The library is hidden with a wrapper interpreter whose
/// sysconfig reports a build without --enable-shared.
/// </summary>
[LongRunning]
public sealed class WorkerHostTests
{
    private const string Fallback = "no shared libpython (built without --enable-shared); using the subprocess host";

    [Fact]
    public async Task A_python_without_a_shared_library_falls_back_to_the_subprocess_host_with_one_notice_and_the_same_output()
    {
        // Given a project, and an interpreter that reports no shared libpython
        using var dir = new TempDirectory();
        dir.CopyFrom(Paths.SampleMonorepo, "project");
        var python = StaticLookingPython(dir);

        // When previewing with the default interpreter and with the static-looking one
        var embedded = await CliHarness.RunWithDefaultHostAsync(dir.Combine("project"), "preview", "env-to-isolated", ".", "--no-cache", "-j", "2");
        var fallback = await CliHarness.RunWithDefaultHostAsync(dir.Combine("project"), "preview", "env-to-isolated", ".", "--no-cache", "-j", "2", "--python", python);

        // Then the default run used pythonnet silently, the other said once why it uses the subprocess host, and both printed the same diff
        Assert.Equal(0, embedded.ExitCode);
        Assert.Equal(0, fallback.ExitCode);
        Assert.DoesNotContain("subprocess host", embedded.Stderr, StringComparison.Ordinal);
        Assert.Single(fallback.Stderr.Split('\n'), l => l.EndsWith(Fallback, StringComparison.Ordinal) && l.StartsWith("python 3.", StringComparison.Ordinal));
        Assert.NotEmpty(embedded.StdoutBytes);
        Assert.Equal(embedded.StdoutBytes, fallback.StdoutBytes);
    }

    [Fact]
    public async Task Forcing_pythonnet_on_a_python_without_a_shared_library_is_an_environment_error()
    {
        // Given an interpreter that reports no shared libpython
        using var dir = new TempDirectory();
        dir.Write("project/a.py", "import os\nv = os.environ.get('A')\n");
        var python = StaticLookingPython(dir);

        // When the pythonnet host is forced
        var result = await CliHarness.RunWithDefaultHostAsync(dir.Combine("project"), "preview", "env-to-isolated", ".", "--no-cache", "--python", python, "--host", "pythonnet");

        // Then the run stops with exit 4 and one line naming the interpreter, the problem and the way out
        Assert.Equal(4, result.ExitCode);
        Assert.Contains("--host pythonnet: python 3.", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("no shared libpython (built without --enable-shared); use an interpreter built with --enable-shared, or --host python", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_names_the_libpython_and_the_host_it_will_use_and_why()
    {
        // Given the default interpreter and one that reports no shared libpython
        using var dir = new TempDirectory();
        var python = StaticLookingPython(dir);

        // When doctor runs with each
        var shared = await CliHarness.RunWithDefaultHostAsync(dir.Path, "doctor", "--color", "never");
        var fallback = await CliHarness.RunWithDefaultHostAsync(dir.Path, "doctor", "--color", "never", "--python", python);
        var forced = await CliHarness.RunWithDefaultHostAsync(dir.Path, "doctor", "--color", "never", "--host", "python");

        // Then it names the absolute libpython and the pythonnet host, or the reason for the subprocess host
        Assert.Matches(@"libpython\s*│ ok\s*│ /\S+/libpython3\.\d+\.so", shared.Stdout);
        Assert.Matches(@"worker host\s*│ ok\s*│ pythonnet \(CPython embedded in a \.NET worker\): libpython found at /", shared.Stdout);
        Assert.Contains("python (a python3 subprocess per worker): python 3.", fallback.Stdout, StringComparison.Ordinal);
        Assert.Contains(Fallback, fallback.Stdout.Replace("\n", " ", StringComparison.Ordinal).Replace("│", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("python (a python3 subprocess per worker): --host python", forced.Stdout, StringComparison.Ordinal);
    }

    // A wrapper around the real interpreter whose sysconfig says Py_ENABLE_SHARED = 0, as in a build without --enable-shared.
    private static string StaticLookingPython(TempDirectory dir)
    {
        var real = ProcessRunner.Run(new ProcessRequest("python3", ["-c", "import sys; print(sys.executable)"])).StandardOutput.Trim();
        dir.Write("static-python/shim/sitecustomize.py", "import sysconfig\nsysconfig.get_config_vars()['Py_ENABLE_SHARED'] = 0\n");
        var wrapper = dir.Write("static-python/python3", $"#!/bin/sh\nPYTHONPATH=\"{dir.Combine("static-python/shim")}${{PYTHONPATH:+:$PYTHONPATH}}\" exec \"{real}\" \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return wrapper;
    }
}
