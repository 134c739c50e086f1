namespace Codemod.Cli.Options;

/// <summary><c>codemod preview</c>, resolved: what to run, how to show it, and what decides the exit code.</summary>
internal sealed record PreviewSettings(CodemodRunSettings Run, string Format, bool Check, bool Strict, OutputStyle Style);
