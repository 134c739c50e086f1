using System.Diagnostics;

namespace Codemod.Python;

/// <summary>Checks, without starting a worker, whether an interpreter runs and has LibCST; for <c>codemod doctor</c>.</summary>
public static class PythonProbe
{
    /// <summary>The LibCST version the test suite pins and README names: other versions run, untested.</summary>
    public const string TestedLibcst = "1.0.1";

    /// <summary>The one command that installs the tested LibCST for <paramref name="python"/>.</summary>
    public static string InstallCommand(string python) => $"{python} -m pip install libcst=={TestedLibcst}";

    /// <summary>What the interpreter said: its version, the executable it runs as (<c>sys.executable</c>), and LibCST's version.</summary>
    public sealed record Result(string? PythonVersion, string? LibcstVersion, string? Problem)
    {
        public string? Executable { get; init; }
    }

    public static Result Check(string python)
    {
        var info = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = AppContext.BaseDirectory };
        foreach (var argument in new[] { "-c", "import sys; print(sys.version.split()[0]); print(sys.executable); import libcst; from importlib.metadata import version; print(version('libcst'))" })
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment.Remove("PYTHONHOME");
        try
        {
            using var process = Process.Start(info)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var lines = process.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            process.WaitForExit();
            var executable = lines.Length >= 2 ? lines[1].Trim() : null;
            return lines.Length switch
            {
                >= 3 => new Result(lines[0].Trim(), lines[2].Trim(), null) { Executable = executable },
                2 => new Result(lines[0].Trim(), null, stderr.Result.Contains("No module named", StringComparison.Ordinal) ? "not installed" : stderr.Result.Trim()) { Executable = executable },
                1 => new Result(lines[0].Trim(), null, stderr.Result.Trim()),
                _ => new Result(null, null, stderr.Result.Trim()),
            };
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new Result(null, null, e.Message);
        }
    }
}
