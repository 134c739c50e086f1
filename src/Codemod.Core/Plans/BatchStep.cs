using Codemod.Core.Transform;

namespace Codemod.Core.Plans;

/// <summary>A plan step ready to run: its codemod resolved and its arguments checked, its formatter command split.</summary>
public sealed record BatchStep(PlanStep Step, CodemodInfo Codemod, IReadOnlyList<string>? Formatter = null);
