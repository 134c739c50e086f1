namespace Codemod.Core.Apply;

/// <summary>
/// What a journal records about a run or a plan batch, rewritten (atomically) at every phase: enough for
/// <c>codemod recover</c> to complete the run or put back exactly the pre-run bytes, index, tags and notes.
/// </summary>
public sealed record JournalState
{
    public required string Id { get; init; }

    /// <summary><see cref="JournalKinds.Run"/> or <see cref="JournalKinds.Plan"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>The folder the run's paths are relative to (the work tree's top level inside git).</summary>
    public required string Root { get; init; }

    /// <summary>The phase reached (<see cref="RunPhases"/>).</summary>
    public string Phase { get; init; } = RunPhases.Before;

    /// <summary>HEAD when the run (or batch) started; null outside git or for an apply without a commit.</summary>
    public string? StartCommit { get; init; }

    /// <summary>The notes ref's commit when the batch started (plans), so recovery can put it back.</summary>
    public string? NotesTip { get; init; }

    /// <summary>The plan batch a run is a step of.</summary>
    public string? BatchId { get; init; }

    /// <summary>A plan's step run ids so far: their tags are the batch's own.</summary>
    public IReadOnlyList<string> Steps { get; init; } = [];

    /// <summary>Tags the run or batch created (deleted when it is undone).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    public IReadOnlyList<JournalFile> Files { get; init; } = [];

    /// <summary>Whether the run commits: a landed commit carrying its trailer completes it.</summary>
    public bool Commits { get; init; }

    /// <summary>The process that wrote the journal, so a live run is never recovered under its own feet.</summary>
    public int ProcessId { get; init; }

    /// <summary>When that process started (seconds), so a later process given the same id is not taken for it.</summary>
    public long ProcessStart { get; init; }
}
