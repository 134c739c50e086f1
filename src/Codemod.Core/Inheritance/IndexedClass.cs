namespace Codemod.Core.Inheritance;

/// <summary>A class of the project as the index knows it: where it is defined and the bases as written in its source.</summary>
public sealed record IndexedClass(string QualifiedName, string Name, string Module, string Path, int Line, IReadOnlyList<string> Bases, bool Nested, bool IsTest)
{
    /// <summary>The class's own name, without the enclosing classes or functions.</summary>
    public string ShortName => Name[(Name.LastIndexOf('.') + 1)..];
}
