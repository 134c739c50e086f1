using Codemod.Processes;

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
        var run = ProcessRunner.Run(new ProcessRequest(python, ["-c", "import sys; print(sys.version.split()[0]); print(sys.executable); import libcst; from importlib.metadata import version; print(version('libcst'))"])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            Environment = new Dictionary<string, string?> { ["PYTHONHOME"] = null },
        });
        if (run.StartError is not null)
        {
            return new Result(null, null, run.StartError);
        }

        var lines = run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var stderr = run.StandardError.Trim();
        var executable = lines.Length >= 2 ? lines[1].Trim() : null;
        return lines.Length switch
        {
            >= 3 => new Result(lines[0].Trim(), lines[2].Trim(), null) { Executable = executable },
            2 => new Result(lines[0].Trim(), null, stderr.Contains("No module named", StringComparison.Ordinal) ? "not installed" : stderr) { Executable = executable },
            1 => new Result(lines[0].Trim(), null, stderr),
            _ => new Result(null, null, stderr),
        };
    }
}
