using System.Collections.Frozen;
using Codemod.Core.Files;

namespace Codemod.Core.Transform;

/// <summary>One file to run one codemod on: its bytes, the arguments, and sources of project modules the codemod asked for.</summary>
public sealed record TransformRequest(
    SourceFile File,
    string Codemod,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Arguments,
    IReadOnlyDictionary<string, byte[]> ContextModules)
{
    /// <summary>The formatter argv the new bytes of a changed file go through before the compile check; null for none.</summary>
    public IReadOnlyList<string>? Formatter { get; init; }

    /// <summary>
    /// 1-based lines whose sites the codemod must leave as they are (a site whose node, or whose enclosing statement,
    /// starts on one); it reports them as suppressed with the reason "excluded". Empty by default.
    /// </summary>
    public IReadOnlySet<int> ExcludedLines { get; init; } = FrozenSet<int>.Empty;
}
