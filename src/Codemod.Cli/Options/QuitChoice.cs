namespace Codemod.Cli.Options;

/// <summary><c>--on-quit</c>: whether quitting an interactive apply writes the sites accepted so far or nothing at all.</summary>
internal enum QuitChoice
{
    /// <summary>Write what was accepted before <c>q</c> (the default, as <c>git add -p</c> keeps what was staged).</summary>
    Write,

    /// <summary>Write nothing: the tree stays as it was.</summary>
    Discard,
}
