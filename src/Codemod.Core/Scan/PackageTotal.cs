namespace Codemod.Core.Scan;

/// <summary>Findings under one top-level package (first folder of the path; files at the root count as <c>(root)</c>).</summary>
public sealed record PackageTotal(string Package, int Total, IReadOnlyDictionary<string, int> ByRule);
