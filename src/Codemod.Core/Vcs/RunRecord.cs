namespace Codemod.Core.Vcs;

/// <summary>One run (or plan batch) as recorded in a repository by its tags, commit trailers and rollback marks.</summary>
public sealed record RunRecord
{
    public required string RunId { get; init; }

    public required RunKind Kind { get; init; }

    /// <summary>When the run started: the run id's timestamp (the commit date for ids of another shape).</summary>
    public required DateTimeOffset Date { get; init; }

    /// <summary>The rollback point: HEAD before the run wrote anything.</summary>
    public required string Before { get; init; }

    /// <summary>The run's commit (for a plan, its last step's); null when the run never committed.</summary>
    public string? After { get; init; }

    public string? Codemod { get; init; }

    public string? CodemodVersion { get; init; }

    public string Subject { get; init; } = string.Empty;

    /// <summary>Paths that differ between <see cref="Before"/> and <see cref="After"/>.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>The plan batch this run was a step of.</summary>
    public string? BatchId { get; init; }

    /// <summary>For a plan: its steps' run ids, in the order they ran.</summary>
    public IReadOnlyList<string> Steps { get; init; } = [];

    /// <summary>Whether <see cref="After"/> is reachable from HEAD.</summary>
    public bool OnHead { get; init; }

    public RollbackMark? Rollback { get; init; }

    public RunState State => Rollback is not null ? RunState.RolledBack
        : After is null ? RunState.Incomplete
        : OnHead ? RunState.Active
        : RunState.NotOnHead;
}
