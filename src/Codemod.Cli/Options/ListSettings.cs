using Codemod.Python;

namespace Codemod.Cli.Options;

/// <summary><c>codemod list</c>, resolved.</summary>
internal sealed record ListSettings(PythonSettings Python, bool Json, bool All, OutputStyle Style);
