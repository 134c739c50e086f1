namespace Codemod.Core.Plans;

/// <summary>One step of a plan: a codemod, its arguments and paths, and the plan file line it was written on.</summary>
public sealed record PlanStep
{
    /// <summary>1-based position in the plan.</summary>
    public required int Number { get; init; }

    /// <summary>The line of the step in the plan file, for error messages.</summary>
    public required long Line { get; init; }

    public required string Codemod { get; init; }

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Arguments { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Files or folders relative to the root, '/'-separated; empty means the whole root.</summary>
    public IReadOnlyList<string> Paths { get; init; } = [];

    public IReadOnlyList<string> Include { get; init; } = [];

    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>Free text added to the step's commit message.</summary>
    public string? Note { get; init; }

    /// <summary>The formatter command run on each changed file's new code (as <c>--formatter</c>); null for none.</summary>
    public string? Formatter { get; init; }

    /// <summary>This step's verification command; null inherits the plan's, empty disables it.</summary>
    public string? Verify { get; init; }
}
