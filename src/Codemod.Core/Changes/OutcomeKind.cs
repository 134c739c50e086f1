namespace Codemod.Core.Changes;

/// <summary>What happened to one file in a run.</summary>
public enum OutcomeKind
{
    /// <summary>The codemod rewrote the file; new bytes are ready to preview or apply.</summary>
    Changed,

    /// <summary>Parsed and visited; nothing to rewrite (review items may still exist).</summary>
    Unchanged,

    /// <summary>None of the codemod's prefilter tokens occur in the file: it was never parsed.</summary>
    NotApplicable,

    /// <summary>Deliberately left alone (symlink, binary, too large, not round-trippable, allow-listed), with a reason.</summary>
    Skipped,

    /// <summary>Could not be handled (syntax error, worker crash or timeout, codemod error), with a reason; left byte-identical.</summary>
    Failed,
}
