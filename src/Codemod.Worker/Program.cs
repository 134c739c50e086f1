using Codemod.Worker;

// A worker process that embeds CPython (through pythonnet) and answers the same JSON-lines protocol as
// `python3 -m codemod_worker`: the engine starts it as `dotnet Codemod.Worker.dll --libpython PATH --program EXE
// -- <worker arguments>`. Everything after `--` goes to the Python worker's own option parser unchanged.
var options = WorkerOptions.Parse(args);
if (options is null)
{
    await Console.Error.WriteLineAsync("usage: Codemod.Worker --libpython PATH --program PYTHON [--parent-pid PID] -- [worker options]").ConfigureAwait(false);
    return 2;
}

ParentWatch.Start(options.ParentPid);
ProcessExit.OnInterrupt();
var python = EmbeddedPython.Start(options);
var code = python.Serve(Console.OpenStandardInput());
python.Dispose();
// Returning from Main would run pythonnet's exit hook, PythonEngine.Shutdown: slow, and it hangs while a thread holds the GIL.
ProcessExit.Now(code);
return code;
