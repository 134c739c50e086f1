using Codemod.Core.Inheritance;

namespace Codemod.Cli.Options;

/// <summary><c>codemod mro</c>, resolved.</summary>
internal sealed record MroSettings(EngineSettings Engine, ClassPattern Pattern, string Format, OutputStyle Style);
