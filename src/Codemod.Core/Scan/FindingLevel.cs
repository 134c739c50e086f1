namespace Codemod.Core.Scan;

/// <summary>How serious a rule's findings are; the names are SARIF's levels.</summary>
public enum FindingLevel
{
    /// <summary>Worth knowing: a count to burn down rather than a defect.</summary>
    Note,

    /// <summary>A single-source-of-truth violation to remove.</summary>
    Warning,

    /// <summary>Overdue: something promised to be gone by now.</summary>
    Error,
}
