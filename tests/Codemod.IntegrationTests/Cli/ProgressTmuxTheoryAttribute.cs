namespace Codemod.IntegrationTests.Cli;

/// <summary>A theory that needs tmux (a real terminal): skipped, saying so, where tmux is missing.</summary>
public sealed class ProgressTmuxTheoryAttribute : TheoryAttribute
{
    public ProgressTmuxTheoryAttribute()
    {
        Skip = ProgressTerminal.Unavailable;
    }
}
