using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Codemod.Python;

/// <summary>One persistent <c>python3 -m codemod_worker</c> process: one request at a time, one JSON line each way.</summary>
internal sealed class WorkerProcess : IDisposable
{
    private const int StderrLinesKept = 20;
    private readonly Process _process;
    private readonly Queue<string> _stderrTail = new();
    private long _nextId;

    private WorkerProcess(Process process)
    {
        _process = process;
        // stderr is always drained: a worker that logs more than the pipe holds would otherwise block mid-transform.
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (_stderrTail)
            {
                _stderrTail.Enqueue(e.Data);
                if (_stderrTail.Count > StderrLinesKept)
                {
                    _stderrTail.Dequeue();
                }
            }
        };
        _process.BeginErrorReadLine();
    }

    public bool HasExited => _process.HasExited;

    public static WorkerProcess Start(PythonSettings settings)
    {
        var info = new ProcessStartInfo(settings.PythonExecutable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            // `python -m` puts its working folder first on sys.path: starting in the user's project would let a project
            // file named like a standard module (gettext.py) shadow what LibCST imports. The worker moves to --cwd itself.
            WorkingDirectory = settings.CodemodDirectories[0],
        };
        info.ArgumentList.Add("-m");
        info.ArgumentList.Add("codemod_worker");
        // The worker watches this process and exits when it is gone (a kill -9 closes no pipe a busy worker reads).
        info.ArgumentList.Add("--parent-pid");
        info.ArgumentList.Add(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (settings.WorkingDirectory is not null)
        {
            info.ArgumentList.Add("--cwd");
            info.ArgumentList.Add(settings.WorkingDirectory);
        }

        foreach (var extra in settings.CodemodDirectories.Skip(1))
        {
            info.ArgumentList.Add("--codemods");
            info.ArgumentList.Add(extra);
        }

        // A PYTHONHOME meant for another interpreter breaks the stdlib import; bytecode caches would litter the codemods folder.
        info.Environment.Remove("PYTHONHOME");
        info.Environment["PYTHONPATH"] = string.Join(Path.PathSeparator, settings.CodemodDirectories);
        info.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        info.Environment["PYTHONIOENCODING"] = "utf-8";
        info.Environment["PYTHONUNBUFFERED"] = "1";
        return new WorkerProcess(Process.Start(info)!);
    }

    public string StderrTail
    {
        get
        {
            lock (_stderrTail)
            {
                return string.Join(" | ", _stderrTail.Where(l => l.Trim().Length > 0).TakeLast(3));
            }
        }
    }

    public long NextId() => ++_nextId;

    /// <summary>Sends one request and reads its response; null when the process died before answering.</summary>
    public async Task<JsonDocument?> CallAsync(byte[] request, CancellationToken cancellationToken)
    {
        try
        {
            await _process.StandardInput.BaseStream.WriteAsync(request, cancellationToken).ConfigureAwait(false);
            await _process.StandardInput.BaseStream.FlushAsync(cancellationToken).ConfigureAwait(false);
            var line = await _process.StandardOutput.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            return line is null ? null : JsonDocument.Parse(line);
        }
        catch (IOException)
        {
            return null;
        }
    }

    public int? ExitCode()
    {
        if (!_process.WaitForExit(2000))
        {
            return null;
        }

        return _process.ExitCode;
    }

    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
    }

    public async Task ShutdownAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await CallAsync(WorkerProtocol.Shutdown(NextId()), timeout.Token).ConfigureAwait(false);
                _process.StandardInput.Close();
                await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or InvalidOperationException)
        {
            Kill();
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
