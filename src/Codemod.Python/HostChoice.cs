using Codemod.Core.Settings;

namespace Codemod.Python;

/// <summary>Which host the workers use and why, in words for <c>doctor</c> and for the one notice a fallback prints.</summary>
public sealed record HostChoice(WorkerHostKind Kind, string Why)
{
    /// <summary>The pythonnet worker, copied beside the engine at build time.</summary>
    public static string WorkerAssembly => Path.Combine(AppContext.BaseDirectory, "Codemod.Worker.dll");

    /// <summary>The libpython the pythonnet host loads (absolute), when that host was chosen.</summary>
    public string? LibPython { get; init; }

    /// <summary>The interpreter's own executable (<c>sys.executable</c>, not a wrapper): the embedded one finds its prefix from it.</summary>
    public string? Program { get; init; }

    /// <summary>Said once on stderr: the default host could not be used.</summary>
    public string? Notice { get; init; }

    /// <summary>
    /// The pythonnet host unless <paramref name="requested"/> says otherwise or the interpreter has no shared library
    /// (then the subprocess host, with a notice). <c>--host pythonnet</c> without a library is a <see cref="UserError"/> (exit 4).
    /// </summary>
    public static HostChoice Decide(InterpreterInfo? interpreter, WorkerHostKind? requested, string source)
    {
        if (requested == WorkerHostKind.Python)
        {
            return new HostChoice(WorkerHostKind.Python, $"{source} python");
        }

        if (interpreter is null && requested is null)
        {
            // Nothing to embed; starting the subprocess worker gives the one error that says what is wrong (not found, no LibCST).
            return new HostChoice(WorkerHostKind.Python, "the interpreter did not answer the probe");
        }

        string? problem = null;
        if (interpreter is null)
        {
            problem = "the interpreter did not answer the probe";
        }
        else if (interpreter.SharedLibrary is null)
        {
            problem = $"{interpreter.Describe()}: {interpreter.NoLibraryReason}";
        }
        else if (!File.Exists(WorkerAssembly))
        {
            problem = $"the pythonnet worker is missing ({WorkerAssembly})";
        }

        if (problem is null)
        {
            return new HostChoice(WorkerHostKind.Pythonnet, requested is null ? $"libpython found at {interpreter!.SharedLibrary}" : $"{source} pythonnet")
            {
                LibPython = interpreter!.SharedLibrary,
                Program = interpreter.Executable,
            };
        }

        if (requested == WorkerHostKind.Pythonnet)
        {
            throw new EnvironmentMissing($"{source} pythonnet: {problem}; use an interpreter built with --enable-shared, or --host python");
        }

        return new HostChoice(WorkerHostKind.Python, problem + "; using the subprocess host") { Notice = problem + "; using the subprocess host" };
    }
}
