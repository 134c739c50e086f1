using Codemod.Core.Changes;

namespace Codemod.Core.Vcs;

/// <summary>What <see cref="RunCommitter"/> needs for one run: its outcomes, identity and the options the user chose.</summary>
public sealed record CommitRequest
{
    /// <summary>The run's outcomes, paths relative to the folder the repository was opened from.</summary>
    public required ChangeSet Changes { get; init; }

    public required RunId RunId { get; init; }

    public required string EngineVersion { get; init; }

    public IReadOnlyDictionary<string, string> RuntimeVersions { get; init; } = new Dictionary<string, string>();

    /// <summary>Proceed although the tree has uncommitted changes; files that have them are still never touched.</summary>
    public bool AllowDirty { get; init; }

    /// <summary>Skip the pre-commit and commit-msg hooks (git's <c>--no-verify</c>).</summary>
    public bool NoVerify { get; init; }

    public string? BatchId { get; init; }

    public string? Note { get; init; }
}
