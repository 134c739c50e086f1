using System.Diagnostics;
using System.Text;

namespace Codemod.Cli.Plans;

/// <summary>Runs a plan's verification command through <c>/bin/sh -c</c> in the root, capturing its output.</summary>
internal static class VerifyRunner
{
    private const int KeptChars = 64 * 1024;

    public static async Task<VerifyResult> RunAsync(string command, string directory, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("/bin/sh")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(command);
        // A verification that imports the project must not leave __pycache__ behind: the next run would find an unclean tree.
        info.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        var output = new StringBuilder();
        void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.Append(line).Append('\n');
                if (output.Length > KeptChars * 2)
                {
                    output.Remove(0, output.Length - KeptChars);
                }
            }
        }

        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new VerifyResult(command, 127, $"cannot run /bin/sh: {e.Message}");
        }

        // The command gets no input: a verification that waits for a terminal would hang an unattended batch.
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        // WaitForExitAsync returns once the streams hit EOF, so every line has been appended.
        lock (output)
        {
            var text = output.ToString();
            return new VerifyResult(command, process.ExitCode, text.Length > KeptChars ? text[^KeptChars..] : text);
        }
    }
}
