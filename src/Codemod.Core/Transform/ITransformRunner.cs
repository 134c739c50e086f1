using Codemod.Core.Changes;

namespace Codemod.Core.Transform;

/// <summary>The seam to LibCST: runs codemods on file bytes and returns outcomes. Never writes project files.</summary>
public interface ITransformRunner : IAsyncDisposable
{
    /// <summary>Versions of the runtime behind the seam (e.g. python, libcst), for reports and commit messages.</summary>
    Task<IReadOnlyDictionary<string, string>> GetVersionsAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<CodemodInfo>> ListCodemodsAsync(CancellationToken cancellationToken);

    /// <summary>Prefilter tokens for codemods whose tokens depend on their arguments (e.g. the class being redirected).</summary>
    Task<IReadOnlyList<string>> PrefilterForAsync(string codemod, IReadOnlyDictionary<string, IReadOnlyList<string>> arguments, CancellationToken cancellationToken);

    /// <summary>An outcome for the file; a crash or timeout of the machinery is a Failed outcome, not an exception.</summary>
    Task<FileOutcome> TransformAsync(TransformRequest request, CancellationToken cancellationToken);
}
