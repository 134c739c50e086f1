namespace Codemod.Core.Plans;

/// <summary>What a plan's verification command did: the command, its exit code, and its output (stdout and stderr, interleaved, tail kept).</summary>
public sealed record VerifyResult(string Command, int ExitCode, string Output)
{
    public bool Passed => ExitCode == 0;

    /// <summary>The last lines of the output, for one-line reports.</summary>
    public string Tail(int lines = 5) =>
        string.Join(" | ", Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).TakeLast(lines));
}
