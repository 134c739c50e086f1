namespace Codemod.Core.Scan;

/// <summary>What happened to one file in a scan.</summary>
public enum ScanOutcomeKind
{
    /// <summary>Parsed; its facts take part in every rule.</summary>
    Scanned,

    /// <summary>Could not be parsed or scanned (syntax error, undecodable, worker crash): listed, never counted as clean.</summary>
    Failed,

    /// <summary>Not read at all (symlink, binary, too large), with the reason.</summary>
    Skipped,
}
