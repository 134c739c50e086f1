using System.Globalization;

namespace Codemod.Worker;

/// <summary>The command line of the worker: the library to load, the interpreter it belongs to, and the Python worker's own arguments.</summary>
internal sealed record WorkerOptions(string LibPython, string Program, int? ParentPid, IReadOnlyList<string> WorkerArguments)
{
    public static WorkerOptions? Parse(IReadOnlyList<string> args)
    {
        string? libpython = null;
        string? program = null;
        int? parent = null;
        var rest = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--")
            {
                rest.AddRange(args.Skip(i + 1));
                break;
            }

            if (i + 1 >= args.Count)
            {
                return null;
            }

            switch (args[i])
            {
                case "--libpython":
                    libpython = args[++i];
                    break;
                case "--program":
                    program = args[++i];
                    break;
                case "--parent-pid":
                    parent = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                default:
                    return null;
            }
        }

        if (libpython is null || program is null || !Path.IsPathFullyQualified(libpython))
        {
            return null;
        }

        return new WorkerOptions(libpython, program, parent, rest);
    }
}
