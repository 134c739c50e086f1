namespace Codemod.Core.Inheritance;

/// <summary>What a base class expression resolved to.</summary>
public enum BaseKind
{
    /// <summary>A class defined in the project: its own bases are followed.</summary>
    Project,

    /// <summary>The root of every hierarchy.</summary>
    Object,

    /// <summary>Imported from a module outside the project (standard library or third-party): an opaque leaf.</summary>
    External,

    /// <summary>A plain name the module neither defines nor imports: a builtin such as <c>Exception</c>, or a star import.</summary>
    Builtin,

    /// <summary>A project module that has no such class (an assignment, a function result): an opaque leaf.</summary>
    Missing,

    /// <summary>An expression evaluated at run time (<c>make_base()</c>, <c>*bases</c>): an opaque leaf.</summary>
    Dynamic,
}
