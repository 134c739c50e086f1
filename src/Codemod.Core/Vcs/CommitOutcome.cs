using Codemod.Core.Apply;
using Codemod.Core.Changes;

namespace Codemod.Core.Vcs;

/// <summary>
/// What an apply-and-commit did. <see cref="Changes"/> holds the outcomes as they ended (files refused for uncommitted
/// changes or for changing on disk are Failed), paths relative to the repository's top level.
/// </summary>
public sealed record CommitOutcome(CommitStatus Status, RunId RunId, ChangeSet Changes)
{
    public ApplyResult? Applied { get; init; }

    public string? Commit { get; init; }

    public CommitMessage? Message { get; init; }

    /// <summary>The tags left in the repository (none unless committed).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    public IReadOnlyList<string> CommittedPaths { get; init; } = [];

    /// <summary>git's output when it refused (the hook's message), or why writing failed.</summary>
    public string? Detail { get; init; }

    /// <summary>Problems after the commit stood (a tag or the note could not be written).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public bool BreakingEntryWritten { get; init; }

    /// <summary>Set when a signal arrived once writing had started: one line saying which phase was finished or restored.</summary>
    public string? Interruption { get; init; }
}
