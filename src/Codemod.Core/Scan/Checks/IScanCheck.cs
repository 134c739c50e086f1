namespace Codemod.Core.Scan.Checks;

/// <summary>One rule's detector: pure, over the facts of every scanned file.</summary>
internal interface IScanCheck
{
    ScanRule Rule { get; }

    IEnumerable<Finding> Find(ScanInput input);
}
