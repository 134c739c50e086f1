namespace Codemod.Core.Plans;

/// <summary>A batch of codemod steps applied one commit each, stopped and rolled back as a whole on the first failure.</summary>
public sealed record Plan(string Path, string? Name, string? Verify, IReadOnlyList<PlanStep> Steps)
{
    /// <summary>The verification command of a step: its own, else the plan's; null when there is none.</summary>
    public string? VerifyFor(PlanStep step) => (step.Verify ?? Verify) is { } command && !string.IsNullOrWhiteSpace(command) ? command : null;

    /// <summary>"file:line: message", the one-line form of every problem found in a plan.</summary>
    public string At(long line, string message) => $"{Path}:{line}: {message}";
}
