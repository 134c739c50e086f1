using Codemod.Python;

namespace Codemod.Cli.Options;

/// <summary><c>codemod doctor</c>, resolved: the interpreter (and where it was named), the project whose modules are checked, and the arguments that name them.</summary>
internal sealed record DoctorSettings(PythonSettings Python, Resolved<string> PythonSource, string Root, string? GivenRoot, IReadOnlyDictionary<string, IReadOnlyList<string>> Arguments, SettingLayers Layers, OutputStyle Style);
