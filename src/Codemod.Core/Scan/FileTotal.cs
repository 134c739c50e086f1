namespace Codemod.Core.Scan;

/// <summary>Findings in one file, per rule: the "worst files" lists.</summary>
public sealed record FileTotal(string Path, int Total, IReadOnlyDictionary<string, int> ByRule);
