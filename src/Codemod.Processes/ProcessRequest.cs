namespace Codemod.Processes;

/// <summary>One child process to run: what, where, with which environment changes, input and time limit.</summary>
/// <param name="FileName">The executable (looked up on PATH when not a path).</param>
/// <param name="Arguments">Passed one by one through <c>ArgumentList</c>: no shell quoting anywhere.</param>
public sealed record ProcessRequest(string FileName, IReadOnlyList<string> Arguments)
{
    /// <summary>The child's working folder; <c>null</c> keeps ours.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Environment changes on top of ours: a value sets the variable, <c>null</c> removes it.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>Text written to the child's stdin (UTF-8, no BOM) before it is closed; the child always gets EOF.</summary>
    public string? StandardInput { get; init; }

    /// <summary>After this long the whole process tree is killed and the result says <see cref="ProcessResult.TimedOut"/>.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>
    /// When set, stdout and stderr are read line by line into one interleaved text (<see cref="ProcessResult.CombinedOutput"/>)
    /// of which only the last this many characters are kept: for commands whose output is shown, not parsed.
    /// </summary>
    public int? CombinedOutputTail { get; init; }
}
