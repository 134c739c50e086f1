using Codemod.Core.Changes;
using Codemod.Core.Settings;
using Codemod.Core.Transform;

namespace Codemod.Cli.Interactive;

/// <summary>The review's re-runs go through the apply's own session and pipeline (same workers, arguments, formatter, gates).</summary>
internal sealed class SessionReviser(CodemodSession session, RunSettings settings, CodemodInfo codemod, IReadOnlyDictionary<string, IReadOnlyList<string>> arguments, string python, string? editor) : IFileReviser
{
    public Task<FileOutcome> RerunAsync(FileOutcome file, IReadOnlySet<int> excludedLines, CancellationToken cancellationToken) =>
        session.RerunAsync(settings, codemod, arguments, file.Path, excludedLines, cancellationToken);

    public Task<EditResult> EditAsync(string path, byte[] text, CancellationToken cancellationToken) =>
        ExternalEditor.EditAsync(editor, path, text, cancellationToken);

    public Task<string?> CompileProblemAsync(string path, byte[] text, CancellationToken cancellationToken) =>
        CompileGate.ProblemAsync(python, path, text, cancellationToken);
}
