namespace Codemod.Core.Scan;

/// <summary>
/// Marks a record as one kind of per-file fact and names the list the worker's <c>scan</c> response carries it in
/// (<c>"envAccesses"</c>): the reader and the cache find every kind through this attribute, so a new fact is one record.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ScanFactAttribute(string kind) : Attribute
{
    public string Kind { get; } = kind;
}
