using Codemod.Processes;

namespace Codemod.Python;

/// <summary>
/// What one short probe of the interpreter says (it does not import LibCST): the executable it runs as, its version,
/// LibCST's installed version, and its shared libpython as an absolute path, when it was built with one.
/// </summary>
public sealed record InterpreterInfo(string Executable, string PythonVersion, string? LibcstVersion)
{
    private const string ProbeScript = """
        import os, sys, platform, sysconfig
        print(sys.executable)
        print(platform.python_version())
        try:
            from importlib.metadata import version
            print(version('libcst'))
        except Exception:
            print('')
        v = sysconfig.get_config_var
        print(v('Py_ENABLE_SHARED') or 0)
        names = [n for n in (v('INSTSONAME'), v('LDLIBRARY')) if n]
        dirs = [d for d in (v('LIBDIR'), os.path.join(v('LIBDIR') or '', v('MULTIARCH') or '')) if d]
        print('\t'.join(os.path.join(d, n) for d in dirs for n in names))
        """;

    /// <summary>The absolute path of the shared libpython to embed, or null (see <see cref="NoLibraryReason"/>).</summary>
    public string? SharedLibrary { get; init; }

    /// <summary>Why there is no <see cref="SharedLibrary"/>, in words for the user.</summary>
    public string? NoLibraryReason { get; init; }

    /// <summary>The interpreter as a user names it: <c>python 3.11.7 at /usr/bin/python3</c>.</summary>
    public string Describe() => $"python {PythonVersion} at {Executable}";

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<InterpreterInfo?>> Probes = new(StringComparer.Ordinal);

    /// <summary>The probe's answer (once per interpreter and codemods folders in a process), or null when the interpreter does not run.</summary>
    public static InterpreterInfo? Probe(PythonSettings settings) =>
        Probes.GetOrAdd(settings.PythonExecutable + "\0" + string.Join('\0', settings.CodemodDirectories), _ => new Lazy<InterpreterInfo?>(() => Run(settings))).Value;

    private static InterpreterInfo? Run(PythonSettings settings)
    {
        // The same environment as the workers (see WorkerProcess), so the probe finds the LibCST they will import.
        var run = ProcessRunner.Run(new ProcessRequest(settings.PythonExecutable, ["-c", ProbeScript])
        {
            WorkingDirectory = settings.CodemodDirectories[0],
            Environment = WorkerProcess.PythonEnvironment(settings),
            Timeout = TimeSpan.FromSeconds(30),
        });
        var lines = run.StandardOutput.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        if (!run.Succeeded || lines.Length < 5)
        {
            return null;
        }

        var info = new InterpreterInfo(lines[0], lines[1], lines[2].Length > 0 ? lines[2] : null);
        if (lines[3].Trim() != "1")
        {
            return info with { NoLibraryReason = "no shared libpython (built without --enable-shared)" };
        }

        // Only an absolute path that exists: a bare file name would let the loader pick another Python (the system's).
        var library = lines[4].Split('\t', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(p => Path.IsPathFullyQualified(p) && File.Exists(p));
        return library is null
            ? info with { NoLibraryReason = $"its shared libpython is not where sysconfig says ({lines[4].Replace('\t', ' ')})" }
            : info with { SharedLibrary = library };
    }
}
