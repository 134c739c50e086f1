using System.Diagnostics;
using System.Text;

namespace Codemod.Processes;

/// <summary>
/// The one way the engine starts a short-lived child process: arguments through <c>ArgumentList</c>, a fixed environment,
/// stdin always closed, both output streams drained concurrently (a full stderr pipe would block the child while we wait
/// on stdout), and the whole process tree killed on timeout or cancellation. Long-lived workers use
/// <see cref="CreateStartInfo"/> and keep their own request channel on top of it.
/// </summary>
public static class ProcessRunner
{
    private static readonly UTF8Encoding Utf8NoBom = new(false);

    /// <summary>The start info every child gets: redirected UTF-8 streams (stdin without a BOM) and the request's environment.</summary>
    public static ProcessStartInfo CreateStartInfo(ProcessRequest request)
    {
        var info = new ProcessStartInfo(request.FileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            // No BOM: git would read it as part of the first path or message line, Python as part of the first request.
            StandardInputEncoding = Utf8NoBom,
        };
        if (request.WorkingDirectory is not null)
        {
            info.WorkingDirectory = request.WorkingDirectory;
        }

        foreach (var argument in request.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in request.Environment)
        {
            if (value is null)
            {
                info.Environment.Remove(key);
            }
            else
            {
                info.Environment[key] = value;
            }
        }

        return info;
    }

    /// <summary>Runs the request to completion on the calling thread.</summary>
    public static ProcessResult Run(ProcessRequest request) => RunAsync(request, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Runs the request; cancellation kills the process tree and then throws <see cref="OperationCanceledException"/>.</summary>
    public static async Task<ProcessResult> RunAsync(ProcessRequest request, CancellationToken cancellationToken)
    {
        using var process = new Process { StartInfo = CreateStartInfo(request) };
        var combined = request.CombinedOutputTail is { } tail ? new TailBuffer(tail) : null;
        if (combined is not null)
        {
            process.OutputDataReceived += (_, e) => combined.AppendLine(e.Data);
            process.ErrorDataReceived += (_, e) => combined.AppendLine(e.Data);
        }

        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new ProcessResult(ProcessResult.CannotStart, string.Empty, string.Empty) { StartError = $"cannot run {request.FileName}: {e.Message}" };
        }

        Task<string> stdout;
        Task<string> stderr;
        if (combined is not null)
        {
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            stdout = Task.FromResult(string.Empty);
            stderr = Task.FromResult(string.Empty);
        }
        else
        {
            stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        }

        try
        {
            if (request.StandardInput is not null)
            {
                await process.StandardInput.WriteAsync(request.StandardInput).ConfigureAwait(false);
            }

            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The child exited without reading its input; its exit code tells the rest.
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (request.Timeout is { } timeout)
        {
            limit.CancelAfter(timeout);
        }

        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            KillTree(process);
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            timedOut = true;
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }

        return new ProcessResult(process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false))
        {
            TimedOut = timedOut,
            CombinedOutput = combined?.ToString() ?? string.Empty,
        };
    }

    private static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    /// <summary>Keeps the last <c>limit</c> characters of line-by-line output from two streams.</summary>
    private sealed class TailBuffer(int limit)
    {
        private readonly StringBuilder _text = new();

        public void AppendLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_text)
            {
                _text.Append(line).Append('\n');
                if (_text.Length > limit * 2)
                {
                    _text.Remove(0, _text.Length - limit);
                }
            }
        }

        public override string ToString()
        {
            lock (_text)
            {
                var text = _text.ToString();
                return text.Length > limit ? text[^limit..] : text;
            }
        }
    }
}
