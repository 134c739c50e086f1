namespace Codemod.Core.Changes;

/// <summary>One site a codemod rewrote or flagged for review: 1-based line, 0-based column of the original file.</summary>
public sealed record ChangeRecord(int Line, int Column, string Kind, string Message)
{
    /// <summary>
    /// A dotted module the review item is about (a test patching <c>pkg.mod.os</c>): the item stands only when that
    /// module's file changed in the same run. Null for ordinary items.
    /// </summary>
    public string? RequiresChangedModule { get; init; }
}
