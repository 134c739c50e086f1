using System.Diagnostics;

namespace Codemod.Python;

/// <summary>Checks, without starting a worker, whether an interpreter runs and has LibCST; for <c>codemod doctor</c>.</summary>
public static class PythonProbe
{
    public sealed record Result(string? PythonVersion, string? LibcstVersion, string? Problem);

    public static Result Check(string python)
    {
        var info = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = AppContext.BaseDirectory };
        foreach (var argument in new[] { "-c", "import sys; print(sys.version.split()[0]); import libcst; from importlib.metadata import version; print(version('libcst'))" })
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
            return lines.Length switch
            {
                >= 2 => new Result(lines[0].Trim(), lines[1].Trim(), null),
                1 => new Result(lines[0].Trim(), null, stderr.Result.Contains("No module named", StringComparison.Ordinal) ? "not installed" : stderr.Result.Trim()),
                _ => new Result(null, null, stderr.Result.Trim()),
            };
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new Result(null, null, e.Message);
        }
    }
}
