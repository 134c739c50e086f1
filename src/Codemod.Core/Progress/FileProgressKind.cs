namespace Codemod.Core.Progress;

/// <summary>How a file ended, as far as a progress display counts it.</summary>
public enum FileProgressKind
{
    /// <summary>A codemod rewrote it.</summary>
    Changed,

    /// <summary>Looked at, nothing to rewrite (or, in a scan, scanned).</summary>
    Done,

    /// <summary>Not read or not applicable (binary, too large, no prefilter token).</summary>
    Skipped,

    /// <summary>Could not be handled.</summary>
    Failed,
}
