namespace Codemod.Core.Scan.Checks;

/// <summary>
/// One rule's detector: pure, over the facts of every scanned file. Implementations are found by
/// <see cref="ScanCatalogue"/>: a class with a parameterless constructor is registered by existing.
/// </summary>
internal interface IScanCheck
{
    /// <summary>The rule this check reports: its id never changes once published (baselines and SARIF use it).</summary>
    ScanRule Rule { get; }

    /// <summary>Where the rule stands in every report (totals, SARIF rule index, tables); a new rule takes the next free number.</summary>
    int Order { get; }

    /// <summary>
    /// True for a check about the other checks' findings (stale-suppression): it runs after them, sees them in
    /// <see cref="ScanInput.Findings"/>, and its own findings are never suppressed.
    /// </summary>
    bool JudgesFindings => false;

    IEnumerable<Finding> Find(ScanInput input);
}
