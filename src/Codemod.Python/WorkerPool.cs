using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Channels;
using Codemod.Core.Changes;
using Codemod.Core.Files;
using Codemod.Core.Scan;
using Codemod.Core.Settings;
using Codemod.Core.Transform;
using Codemod.Python.Protocol;

namespace Codemod.Python;

/// <summary>
/// Persistent Python workers behind <see cref="ITransformRunner"/>. A worker that crashes or overruns the per-file
/// timeout is killed, its file becomes a Failed outcome, and a fresh worker takes its slot on the next request. A file
/// that timed out is tried once more, in a fresh worker with twice the limit, before it is reported as timed out.
/// </summary>
public sealed class WorkerPool : ITransformRunner, IScanRunner
{
    private static readonly WorkerJsonContext Json = WorkerJsonContext.Default;
    private readonly Channel<WorkerProcess?> _slots;
    private readonly List<WorkerProcess> _started = [];
    private PythonSettings _settings;
    private IReadOnlyDictionary<string, string>? _versions;
    private IReadOnlyList<CodemodInfo>? _codemods;
    private HostChoice? _host;
    private int _session;
    private int _noticeSession = -1;

    public WorkerPool(PythonSettings settings)
    {
        _settings = settings;
        _slots = Channel.CreateUnbounded<WorkerProcess?>();
        for (var i = 0; i < Math.Max(1, settings.Workers); i++)
        {
            _slots.Writer.TryWrite(null);
        }
    }

    /// <summary>The host the workers use and why (probes the interpreter once; the fallback's notice is given here, once).</summary>
    public HostChoice Host
    {
        get
        {
            lock (_slots)
            {
                _host ??= HostChoice.Decide(InterpreterInfo.Probe(_settings), _settings.Host, _settings.HostSource);
                if (_host.Notice is { } notice && _noticeSession != _session)
                {
                    // Once per command: a pool taken over by another command (Retarget) tells its user too.
                    _noticeSession = _session;
                    _settings.Notice?.Invoke(notice);
                }

                return _host;
            }
        }
    }

    public async Task<IReadOnlyDictionary<string, string>> GetVersionsAsync(CancellationToken cancellationToken)
    {
        if (_versions is null)
        {
            await RoundTripAsync(w => WorkerProtocol.List(w.NextId()), Json.ListResponse, _ => 0, cancellationToken).ConfigureAwait(false);
        }

        return _versions!;
    }

    public async Task<IReadOnlyList<CodemodInfo>> ListCodemodsAsync(CancellationToken cancellationToken) =>
        _codemods ??= await RoundTripAsync(w => WorkerProtocol.List(w.NextId()), Json.ListResponse, WorkerProtocol.ToCodemods, cancellationToken).ConfigureAwait(false);

    /// <summary>The codemods of the folders and LibCST's built-in commands (named by dotted path), for <c>codemod list --all</c>.</summary>
    public Task<IReadOnlyList<CodemodInfo>> ListWithLibcstAsync(CancellationToken cancellationToken) =>
        RoundTripAsync(w => WorkerProtocol.List(w.NextId(), withLibcst: true), Json.ListResponse, WorkerProtocol.ToCodemods, cancellationToken);

    /// <summary>One codemod by name or dotted class path (<c>libcst.codemod.commands.rename.RenameCommand</c>); an unknown one is a <see cref="UserError"/>.</summary>
    public Task<CodemodInfo> DescribeAsync(string codemod, CancellationToken cancellationToken) =>
        RoundTripAsync(w => WorkerProtocol.Check(w.NextId(), codemod, null), Json.CheckResponse, r => WorkerProtocol.ToCodemod(r.Codemod!), cancellationToken);

    /// <summary>
    /// Builds the codemod once with <paramref name="arguments"/> and looks for the formatter's program; a value the codemod
    /// rejects, or a formatter that is not installed, is a <see cref="UserError"/> (exit 2) before any file is read.
    /// </summary>
    public Task<int> CheckArgumentsAsync(string codemod, IReadOnlyDictionary<string, IReadOnlyList<string>> arguments, IReadOnlyList<string>? formatter, CancellationToken cancellationToken) =>
        RoundTripAsync(w => WorkerProtocol.Check(w.NextId(), codemod, arguments, formatter), Json.CheckResponse, _ => 0, cancellationToken);

    public Task<IReadOnlyList<string>> PrefilterForAsync(string codemod, IReadOnlyDictionary<string, IReadOnlyList<string>> arguments, CancellationToken cancellationToken) =>
        RoundTripAsync(w => WorkerProtocol.Prefilter(w.NextId(), codemod, arguments), Json.PrefilterResponse, r => r.Tokens, cancellationToken);

    public async Task<FileOutcome> TransformAsync(TransformRequest request, CancellationToken cancellationToken)
    {
        var (response, failure, timedOut) = await CallWithTimeoutAsync(w => WorkerProtocol.Transform(w.NextId(), request), _settings.Timeout, fresh: false, cancellationToken).ConfigureAwait(false);
        if (timedOut)
        {
            // On a loaded machine (other builds, every core busy) a file near the limit overruns it for reasons that
            // have nothing to do with the file; one retry with room to spare separates those from files that really hang.
            (response, failure, timedOut) = await CallWithTimeoutAsync(w => WorkerProtocol.Transform(w.NextId(), request), _settings.Timeout * 2, fresh: true, cancellationToken).ConfigureAwait(false);
            if (timedOut)
            {
                return FileOutcome.TimeOut(
                    request.File.RelativePath,
                    $"timed out after {Seconds(_settings.Timeout)} s, and again after {Seconds(_settings.Timeout * 2)} s in a fresh worker (--timeout {Seconds(_settings.Timeout)}); the workers were killed and restarted");
            }
        }

        if (response is null)
        {
            return FileOutcome.Fail(request.File.RelativePath, failure!);
        }

        return WorkerProtocol.ToOutcome(WorkerProtocol.Read(response, Json.TransformResponse), request);
    }

    public async Task<FileScan> ScanAsync(SourceFile file, IReadOnlyDictionary<string, IReadOnlyList<string>> arguments, CancellationToken cancellationToken)
    {
        var (response, failure, _) = await CallWithTimeoutAsync(w => WorkerProtocol.Scan(w.NextId(), file.RelativePath, file.Bytes, arguments), _settings.Timeout, fresh: false, cancellationToken).ConfigureAwait(false);
        if (response is null)
        {
            return FileScan.Failed(file.RelativePath, failure!);
        }

        // A worker without the scan module fails every file the same way: that is a broken installation, not a file problem.
        if (WorkerProtocol.Read(response, Json.WorkerResponse) is { Ok: false, Code: WorkerErrorCodes.ScanUnavailable })
        {
            throw new EnvironmentMissing("the Python worker cannot scan (codemods/_scan.py is missing): reinstall codemod");
        }

        // The facts are a document of their own (codemods/_scan.py), read field by field.
        using var document = JsonDocument.Parse(response);
        return ScanFactsReader.Read(file.RelativePath, document.RootElement);
    }

    /// <summary>What the workers are started with, as of the last <see cref="Retarget"/>.</summary>
    internal PythonSettings Settings => _settings;

    /// <summary>Whether every worker is back in its slot: no request is under way.</summary>
    internal bool IsIdle => _slots.Reader.Count == Math.Max(1, _settings.Workers);

    /// <summary>
    /// Hands an idle pool to another command (<see cref="WorkerPools"/>): <paramref name="settings"/> differ from the
    /// pool's at most in the working folder, the extra codemod folders and the notice. Each warm worker is told so
    /// (a <c>session</c> request) before its next request; nothing the last command's codemods loaded is kept.
    /// </summary>
    internal void Retarget(PythonSettings settings)
    {
        lock (_slots)
        {
            _settings = settings;
            _codemods = null;
            _session++;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _slots.Writer.TryComplete();
        List<WorkerProcess> started;
        lock (_started)
        {
            started = [.. _started];
        }

        await Task.WhenAll(started.Select(w => w.ShutdownAsync())).ConfigureAwait(false);
        foreach (var worker in started)
        {
            worker.Dispose();
        }
    }

    /// <summary>One request with a time limit: the response, or null and the reason the worker gave none (and whether that was the limit).</summary>
    private async Task<(string? Response, string? Failure, bool TimedOut)> CallWithTimeoutAsync(Func<WorkerProcess, byte[]> request, TimeSpan limit, bool fresh, CancellationToken cancellationToken)
    {
        var worker = await AcquireAsync(fresh, cancellationToken).ConfigureAwait(false);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        try
        {
            var response = await worker.CallAsync(request(worker), timeout.Token).ConfigureAwait(false);
            if (response is not null)
            {
                Release(worker);
                return (response, null, false);
            }

            var exit = worker.ExitCode();
            var tail = worker.StderrTail;
            Discard(worker);
            return (null, $"worker crashed (exit code {exit?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"}){(tail.Length > 0 ? ": " + tail : string.Empty)}; the worker was restarted", false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Discard(worker);
            return (null, $"timed out after {Seconds(limit)} s (--timeout); the worker was killed and restarted", true);
        }
        catch
        {
            Discard(worker);
            throw;
        }
    }

    private async Task<T> RoundTripAsync<TResponse, T>(Func<WorkerProcess, byte[]> request, JsonTypeInfo<TResponse> type, Func<TResponse, T> parse, CancellationToken cancellationToken)
        where TResponse : WorkerResponse
    {
        var (response, failure, _) = await CallWithTimeoutAsync(request, _settings.Timeout, fresh: false, cancellationToken).ConfigureAwait(false);
        if (response is null)
        {
            throw new EnvironmentMissing($"the Python worker failed: {failure}");
        }

        var answer = WorkerProtocol.Read(response, type);
        if (!answer.Ok)
        {
            throw new UserError(answer.Error ?? "the Python worker refused the request");
        }

        return parse(answer);
    }

    /// <summary>A worker from a free slot; <paramref name="fresh"/> replaces a warm one with a new process (nothing carried over).</summary>
    private async Task<WorkerProcess> AcquireAsync(bool fresh, CancellationToken cancellationToken)
    {
        var worker = await _slots.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (worker is { HasExited: false } && !fresh)
        {
            bool ready;
            try
            {
                ready = worker.Session == _session || await TakeOverAsync(worker, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                Discard(worker);
                throw;
            }

            if (ready)
            {
                return worker;
            }
        }

        worker?.Kill();
        worker?.Dispose();
        try
        {
            return await StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _slots.Writer.TryWrite(null);
            throw;
        }
    }

    private async Task<WorkerProcess> StartAsync(CancellationToken cancellationToken)
    {
        WorkerProcess worker;
        try
        {
            worker = WorkerProcess.Start(_settings, Host);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new EnvironmentMissing($"python not found: '{_settings.PythonExecutable}' could not be started; install Python 3.9+ or pass --python PATH");
        }

        lock (_started)
        {
            _started.Add(worker);
        }

        // Start-up (interpreter, LibCST, the codemods) gets the per-file limit, at least 30 s: a loaded machine is slow
        // to start a worker too, and that is not the user's Ctrl+C.
        var startLimit = _settings.Timeout > StartLimit ? _settings.Timeout : StartLimit;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(startLimit);
        string? line;
        try
        {
            line = await worker.CallAsync(WorkerProtocol.Hello(worker.NextId()), timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            worker.Dispose();
            throw new EnvironmentMissing(
                $"the Python worker did not answer within {Seconds(startLimit)} s of starting (a loaded machine?); run again with a larger --timeout");
        }
        if (line is null)
        {
            var tail = worker.StderrTail;
            worker.Dispose();
            throw tail.Contains("No module named 'libcst'", StringComparison.Ordinal)
                ? new EnvironmentMissing($"LibCST is not installed for {_settings.PythonExecutable}: run `{PythonProbe.InstallCommand(_settings.PythonExecutable)}`")
                : new EnvironmentMissing($"the Python worker did not start: {tail}");
        }

        var hello = WorkerProtocol.Read(line, Json.HelloResponse);
        if (!hello.Ok)
        {
            worker.Dispose();
            throw new EnvironmentMissing($"the Python worker does not speak protocol {WorkerProtocol.Version}: {hello.Error}; reinstall codemod");
        }

        worker.Session = _session;
        _versions ??= new Dictionary<string, string>
        {
            ["python"] = hello.Python ?? "?",
            ["libcst"] = hello.Libcst ?? "?",
        };
        return worker;
    }

    /// <summary>Moves a warm worker to this pool's current command; false (and a new worker is started) if it does not answer yes.</summary>
    private async Task<bool> TakeOverAsync(WorkerProcess worker, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartLimit);
        try
        {
            var request = WorkerProtocol.Session(worker.NextId(), _settings.WorkingDirectory ?? _settings.CodemodDirectories[0], [.. _settings.CodemodDirectories.Skip(1)]);
            if (await worker.CallAsync(request, timeout.Token).ConfigureAwait(false) is { } line && WorkerProtocol.Read(line, Json.WorkerResponse).Ok)
            {
                worker.Session = _session;
                return true;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or EnvironmentMissing && !cancellationToken.IsCancellationRequested)
        {
            // an old worker that cannot take the session over is replaced, never reused
        }

        return false;
    }

    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(30);

    private static string Seconds(TimeSpan limit) => limit.TotalSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);

    private void Release(WorkerProcess worker) => _slots.Writer.TryWrite(worker);

    private void Discard(WorkerProcess worker)
    {
        worker.Kill();
        _slots.Writer.TryWrite(null);
    }
}
