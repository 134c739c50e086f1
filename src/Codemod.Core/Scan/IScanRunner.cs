using Codemod.Core.Files;

namespace Codemod.Core.Scan;

/// <summary>The seam to the per-file scan (Python's <c>ast</c> in the workers): facts about one file, never an exception.</summary>
public interface IScanRunner
{
    /// <summary>The file's facts, or a Failed scan (syntax error, worker crash or timeout) with the reason.</summary>
    Task<FileScan> ScanAsync(SourceFile file, IReadOnlyDictionary<string, IReadOnlyList<string>> arguments, CancellationToken cancellationToken);
}
