using Codemod.Core.Settings;
using Codemod.Python;

namespace Codemod.Cli.Options;

/// <summary>What the commands that run workers over files share: the run, the workers, the result cache folder (null: off), and the layers they came from.</summary>
internal sealed record EngineSettings(RunSettings Run, PythonSettings Python, string? CacheDirectory, SettingLayers Layers);
