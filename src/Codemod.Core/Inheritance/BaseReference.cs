namespace Codemod.Core.Inheritance;

/// <summary>One base of a class: the source text, what it names after following imports, and whether that is a project class.</summary>
public sealed record BaseReference(string Source, string Name, BaseKind Kind)
{
    public static BaseReference Object { get; } = new("object", "object", BaseKind.Object);

    public bool Resolved => Kind is BaseKind.Project or BaseKind.Object;

    public string? Reason => Kind switch
    {
        BaseKind.External => "outside the project",
        BaseKind.Builtin => "builtin, or not defined in the module",
        BaseKind.Missing => "no such class in the project",
        BaseKind.Dynamic => "computed at run time",
        _ => null,
    };
}
