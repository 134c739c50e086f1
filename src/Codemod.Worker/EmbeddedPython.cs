using System.Buffers;
using Microsoft.Win32.SafeHandles;
using Python.Runtime;

namespace Codemod.Worker;

/// <summary>
/// CPython loaded into this process, running the Python worker's request handler (<c>codemod_worker.server.respond</c>)
/// for each line read from stdin. A request line goes in as a pinned buffer that Python copies once with
/// <c>ctypes.string_at</c>; the response comes back through the buffer protocol: no per-byte marshalling either way.
/// </summary>
internal sealed class EmbeddedPython : IDisposable
{
    private readonly PyObject _respond;
    private readonly PyObject _session;
    private readonly Stream _output;

    private EmbeddedPython(PyObject respond, PyObject session, Stream output)
    {
        _respond = respond;
        _session = session;
        _output = output;
    }

    public static EmbeddedPython Start(WorkerOptions options)
    {
        Runtime.PythonDLL = options.LibPython;
        // The interpreter finds its standard library and site-packages (a virtual environment's too) from its own executable.
        PythonEngine.ProgramName = options.Program;
        PythonEngine.Initialize(setSysArgv: false, initSigs: false);
        using (Py.GIL())
        {
            using var server = Py.Import("codemod_worker.server");
            using var argv = new PyList();
            foreach (var argument in options.WorkerArguments)
            {
                using var text = new PyString(argument);
                argv.Append(text);
            }

            // The embedded session: the Python side moves fd 1 out of print()'s way and hands the protocol's fd back.
            var opened = server.InvokeMethod("open_embedded_session", argv);
            var session = opened[0];
            var fd = opened[1].As<int>();
            var output = new FileStream(new SafeFileHandle(fd, ownsHandle: true), FileAccess.Write, bufferSize: 1);
            return new EmbeddedPython(server.GetAttr("respond_at"), session, output);
        }
    }

    /// <summary>Answers request lines until stdin closes or a shutdown request is answered; the exit code.</summary>
    public int Serve(Stream input)
    {
        var reader = new LineReader(input);
        var state = PythonEngine.BeginAllowThreads();
        try
        {
            while (reader.Next() is { } line)
            {
                if (!Answer(line))
                {
                    break;
                }
            }
        }
        catch (IOException)
        {
            return 0; // the engine went away; nobody is left to answer
        }
        finally
        {
            PythonEngine.EndAllowThreads(state);
        }

        _output.Flush();
        return 0;
    }

    private unsafe bool Answer(ArraySegment<byte> line)
    {
        bool more;
        byte[] response;
        int length;
        fixed (byte* start = line.Array)
        {
            using (Py.GIL())
            {
                using var address = new PyInt((long)(start + line.Offset));
                using var count = new PyInt(line.Count);
                using var answer = _respond.Invoke(_session, address, count);
                using var bytes = answer[0];
                more = !answer[1].IsTrue();
                using var buffer = bytes.GetBuffer();
                length = checked((int)buffer.Length);
                response = ArrayPool<byte>.Shared.Rent(length);
                buffer.Read(response, 0, length, 0);
            }
        }

        try
        {
            _output.Write(response, 0, length);
            _output.Flush();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(response);
        }

        return more;
    }

    public void Dispose()
    {
        // No PythonEngine.Shutdown: see ProcessExit. The process ends right after this.
        _output.Dispose();
    }
}
