namespace Codemod.Core.Vcs;

/// <summary>A single codemod run, or a plan batch whose steps are runs of their own.</summary>
public enum RunKind
{
    Run,
    Plan,
}
