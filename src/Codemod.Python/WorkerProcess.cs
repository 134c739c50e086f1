using System.Diagnostics;
using Codemod.Processes;

namespace Codemod.Python;

/// <summary>One persistent worker process (either host, see <see cref="HostChoice"/>): one request at a time, one JSON line each way.</summary>
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

    /// <summary>The pool's command this worker serves (<see cref="WorkerPool.Retarget"/>): its working folder and codemod folders.</summary>
    public int Session { get; set; }

    /// <summary>Starts one worker of the chosen host; both answer the same protocol through the same Python entry point.</summary>
    public static WorkerProcess Start(PythonSettings settings, HostChoice host)
    {
        // The worker watches this process and exits when it is gone (a kill -9 closes no pipe a busy worker reads).
        var parent = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var workerArguments = new List<string>();
        if (settings.WorkingDirectory is not null)
        {
            workerArguments.AddRange(["--cwd", settings.WorkingDirectory]);
        }

        foreach (var extra in settings.CodemodDirectories.Skip(1))
        {
            workerArguments.AddRange(["--codemods", extra]);
        }

        ProcessRequest request = host.Kind == WorkerHostKind.Pythonnet
            ? new ProcessRequest(DotnetHost(), [HostChoice.WorkerAssembly, "--libpython", host.LibPython!, "--program", host.Program!, "--parent-pid", parent, "--", .. workerArguments])
            : new ProcessRequest(settings.PythonExecutable, ["-m", "codemod_worker", "--parent-pid", parent, .. workerArguments]);
        var info = ProcessRunner.CreateStartInfo(request with
        {
            // `python -m` puts its working folder first on sys.path: starting in the user's project would let a project
            // file named like a standard module (gettext.py) shadow what LibCST imports. The worker moves to --cwd itself.
            WorkingDirectory = settings.CodemodDirectories[0],
            Environment = PythonEnvironment(settings),
        });
        return new WorkerProcess(Process.Start(info)!);
    }

    /// <summary>
    /// The environment of every Python the engine starts: no PYTHONHOME (one meant for another interpreter breaks the
    /// stdlib import, and crashes an embedded one), the codemods importable, no bytecode caches in the codemods folder.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> PythonEnvironment(PythonSettings settings) => new Dictionary<string, string?>
    {
        ["PYTHONHOME"] = null,
        ["PYTHONPATH"] = string.Join(Path.PathSeparator, settings.CodemodDirectories),
        ["PYTHONDONTWRITEBYTECODE"] = "1",
        ["PYTHONIOENCODING"] = "utf-8",
        ["PYTHONUNBUFFERED"] = "1",
    };

    /// <summary>The <c>dotnet</c> executable of the runtime this engine runs on (it runs Codemod.Worker.dll).</summary>
    private static string DotnetHost()
    {
        if (Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            return self;
        }

        // .../dotnet/shared/Microsoft.NETCore.App/<version>/ -> .../dotnet/dotnet
        var runtime = System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory();
        var muxer = Path.GetFullPath(Path.Combine(runtime, "..", "..", "..", OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet"));
        return File.Exists(muxer) ? muxer : "dotnet";
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

    /// <summary>Sends one request and reads its response line; null when the process died before answering.</summary>
    public async Task<string?> CallAsync(byte[] request, CancellationToken cancellationToken)
    {
        try
        {
            await _process.StandardInput.BaseStream.WriteAsync(request, cancellationToken).ConfigureAwait(false);
            await _process.StandardInput.BaseStream.FlushAsync(cancellationToken).ConfigureAwait(false);
            return await _process.StandardOutput.ReadLineAsync(cancellationToken).ConfigureAwait(false);
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
