namespace Codemod.Core.Inheritance;

/// <summary><paramref name="Child"/> lists <paramref name="Parent"/> among its direct bases, at position <paramref name="Position"/>.</summary>
public sealed record InheritanceEdge(string Child, string Parent, int Position);
