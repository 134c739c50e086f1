using Codemod.Core.Changes;

namespace Codemod.Core.Vcs;

/// <summary>Everything a run's commit message is built from; paths are relative to the repository's top level.</summary>
public sealed record CommitMessageInput
{
    /// <summary>The run's outcomes as they ended: files refused at write time are Failed here.</summary>
    public required ChangeSet Changes { get; init; }

    /// <summary>Every path in the commit, BREAKING_CHANGES.md included.</summary>
    public required IReadOnlyList<string> CommittedPaths { get; init; }

    public required RunId RunId { get; init; }

    public required string EngineVersion { get; init; }

    /// <summary>Versions of the machinery behind the transform (python, libcst).</summary>
    public IReadOnlyDictionary<string, string> RuntimeVersions { get; init; } = new Dictionary<string, string>();

    /// <summary>The plan batch this run is a step of, if any.</summary>
    public string? BatchId { get; init; }

    /// <summary>A plan step's free-text note, placed as the body's second paragraph.</summary>
    public string? Note { get; init; }

    public IReadOnlyList<BreakingRecord> Breaking { get; init; } = [];
}
