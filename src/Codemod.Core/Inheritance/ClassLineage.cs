namespace Codemod.Core.Inheritance;

/// <summary>
/// One class with its resolved bases and its C3 method resolution order (qualified names for project classes, the
/// imported name for opaque ones, <c>object</c> last); <see cref="Error"/> when Python would refuse to create it.
/// </summary>
public sealed record ClassLineage(IndexedClass Class, IReadOnlyList<BaseReference> Bases, IReadOnlyList<string>? Mro, IReadOnlyList<string> Unresolved, string? Error);
