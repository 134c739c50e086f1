namespace Codemod.Core.Vcs;

/// <summary>One path <c>git status</c> reports (relative to the work tree's top level): staged, modified, untracked...</summary>
public sealed record GitStatusEntry(string Path, char Index, char WorkTree)
{
    public bool IsUntracked => Index == '?';
}
