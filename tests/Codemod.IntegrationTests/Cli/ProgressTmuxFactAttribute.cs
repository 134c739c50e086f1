namespace Codemod.IntegrationTests.Cli;

/// <summary>A fact that needs tmux (a real terminal): skipped, saying so, where tmux is missing.</summary>
public sealed class ProgressTmuxFactAttribute : FactAttribute
{
    public ProgressTmuxFactAttribute()
    {
        Skip = ProgressTerminal.Unavailable;
    }
}
