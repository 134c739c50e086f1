namespace Codemod.Core.Vcs;

/// <summary>What one mutating git operation did: success, and git's own output (hook messages included) for the user.</summary>
public sealed record GitOperationResult(bool Succeeded, string Output)
{
    /// <summary>The first non-empty line of the output, for one-line error messages.</summary>
    public string FirstLine =>
        Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? (Succeeded ? "ok" : "git failed");
}
