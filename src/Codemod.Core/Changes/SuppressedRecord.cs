namespace Codemod.Core.Changes;

/// <summary>
/// A site a codemod would have rewritten but left as it is: 1-based line, 0-based column of the original file, the kind
/// and message the rewrite would have had, and why it was left (<see cref="Comment"/> or <see cref="Excluded"/>).
/// </summary>
public sealed record SuppressedRecord(int Line, int Column, string Kind, string Message, string Reason)
{
    /// <summary>A <c># codemod: ignore</c> comment on the site's statement.</summary>
    public const string Comment = "comment";

    /// <summary>The request's <see cref="Transform.TransformRequest.ExcludedLines"/> named the site's line (an interactive rejection).</summary>
    public const string Excluded = "excluded";
}
