namespace Codemod.Core.Planning;

/// <summary>
/// One step of a suggested plan: a codemod with its arguments and paths, the comments that explain it, and the findings
/// the scan should lose once it ran (<see cref="Reduction"/>, rule by rule). A <see cref="Disabled"/> step is written
/// commented out, waiting for a decision (a singleton's factory).
/// </summary>
public sealed record SuggestedStep
{
    public required string Codemod { get; init; }

    /// <summary>Parameter name and value, in the order they are written.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Arguments { get; init; } = [];

    public IReadOnlyList<string> Paths { get; init; } = [];

    public IReadOnlyList<string> Exclude { get; init; } = [];

    public string? Note { get; init; }

    /// <summary>Lines of explanation written above the step (without the <c>#</c>).</summary>
    public IReadOnlyList<string> Comments { get; init; } = [];

    public bool Disabled { get; init; }

    /// <summary>Findings the scan loses after this step, by rule id (only rules that go down), in catalogue order.</summary>
    public IReadOnlyList<KeyValuePair<string, int>> Reduction { get; init; } = [];

    /// <summary>The reduction is an upper bound: the codemod may leave some places for review.</summary>
    public bool AtMost { get; init; }

    public int Total => Reduction.Sum(r => r.Value);
}
