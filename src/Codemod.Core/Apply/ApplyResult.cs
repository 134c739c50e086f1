using Codemod.Core.Changes;

namespace Codemod.Core.Apply;

/// <summary>What an apply did: the files written, the files refused (changed on disk since read), or why nothing was written.</summary>
public sealed record ApplyResult(IReadOnlyList<string> Written, IReadOnlyList<FileOutcome> Refused, string? Error)
{
    public bool Succeeded => Error is null;

    /// <summary>A signal arrived while temp files were being written: they are removed and nothing was replaced.</summary>
    public bool Interrupted { get; init; }
}
