using Codemod.Core.Settings;
using Codemod.Python;

namespace Codemod.Cli.Plans;

/// <summary>A plan run's resolved settings: the base run settings every step starts from, the workers, and the mode.</summary>
internal sealed record PlanRunSettings(RunSettings Run, PythonSettings Python, bool DryRun, bool NoVerify);
