using Codemod.Core.Changes;

namespace Codemod.Cli.Interactive;

/// <summary>What the review needs beyond the keyboard: re-running a file without some sites, an editor, the compile gate.</summary>
internal interface IFileReviser
{
    /// <summary>The file's outcome when the codemod runs again with the sites on <paramref name="excludedLines"/> left as they are.</summary>
    Task<FileOutcome> RerunAsync(FileOutcome file, IReadOnlySet<int> excludedLines, CancellationToken cancellationToken);

    /// <summary>The text after the reviewer edited it, or a one-line problem (the editor could not start or failed).</summary>
    Task<EditResult> EditAsync(string path, byte[] text, CancellationToken cancellationToken);

    /// <summary>Null when <paramref name="text"/> compiles as Python; otherwise what is wrong, with its line.</summary>
    Task<string?> CompileProblemAsync(string path, byte[] text, CancellationToken cancellationToken);
}

/// <summary>The outcome of one edit: the new text, or why there is none.</summary>
internal sealed record EditResult(byte[]? Text, string? Problem);
