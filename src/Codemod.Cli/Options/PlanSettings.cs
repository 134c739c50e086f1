namespace Codemod.Cli.Options;

/// <summary><c>codemod plan</c>, resolved: the plan file (absolute and as given), the base settings every step starts from, the mode.</summary>
internal sealed record PlanSettings(string PlanFile, string PlanDisplay, EngineSettings Engine, bool DryRun, bool NoVerify, bool Json, bool Strict, OutputStyle Style);
