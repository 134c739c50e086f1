namespace Codemod.Core.Vcs;

/// <summary>A tag: its short name (without <c>refs/tags/</c>), the commit it points at, and its annotation's subject.</summary>
public sealed record GitTag(string Name, string Commit, string Subject);
