namespace Codemod.Python;

/// <summary>How a worker runs LibCST: a .NET child embedding CPython through pythonnet, or a plain <c>python3 -m codemod_worker</c>.</summary>
public enum WorkerHostKind
{
    Pythonnet,
    Python,
}
