namespace Codemod.Core.Inheritance;

/// <summary>A class in an inheritance graph: a project class (with its definition) or an opaque, unresolved ancestor.</summary>
public sealed record InheritanceNode(string Name, BaseKind Kind, IndexedClass? Class, bool Matched);
