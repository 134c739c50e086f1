using Codemod.IntegrationTests.Infrastructure;

namespace Codemod.IntegrationTests.Cli;

/// <summary><c>codemod doctor</c> names the interpreter it found and holds LibCST to the version the tests pin.</summary>
public sealed class DoctorTests
{
    [Fact]
    public async Task Doctor_names_the_interpreter_and_the_pinned_libcst()
    {
        using var dir = new TempDirectory();

        var result = await CliHarness.RunAsync(dir.Path, "doctor");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"python\s+.\s+ok\s+.\s+3\.[0-9.]+ at /\S+ \(python3 on PATH\)", result.Stdout);
        Assert.Contains("1.0.1 (the version the tests pin)", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_libcst_version_is_flagged_untested_with_the_pinned_install_command()
    {
        // Given an interpreter that reports LibCST 1.1.0
        using var dir = new TempDirectory();
        var python = FakePython(dir, "echo 3.12.1; echo /opt/fake/bin/python3.12; echo 1.1.0");

        var result = await CliHarness.RunAsync(dir.Path, "doctor", "--python", python);

        Assert.Contains("3.12.1 at /opt/fake/bin/python3.12 (--python)", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"1.1.0 is untested (the tests pin 1.0.1): run `{python} -m pip install libcst==1.0.1`", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_libcst_exits_four_with_the_pinned_install_command()
    {
        using var dir = new TempDirectory();
        var python = FakePython(dir, "echo 3.12.1; echo /opt/fake/bin/python3.12; echo \"ModuleNotFoundError: No module named 'libcst'\" >&2; exit 1");

        var result = await CliHarness.RunAsync(dir.Path, "doctor", "--python", python);

        Assert.True(result.ExitCode == 4, result.ToString());
        Assert.Contains($"run `{python} -m pip install libcst==1.0.1`", result.Stdout, StringComparison.Ordinal);
    }

    private static string FakePython(TempDirectory dir, string body)
    {
        var path = dir.Write("fake-python", "#!/bin/sh\n" + body + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }
}
