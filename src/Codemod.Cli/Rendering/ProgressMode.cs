namespace Codemod.Cli.Rendering;

/// <summary>How a long command shows its progress on stderr.</summary>
internal enum ProgressMode
{
    /// <summary>Nothing: stderr is a file or a pipe, or the output is for machines (<c>--format json</c>).</summary>
    Off,

    /// <summary>One plain line per 5 % on a terminal that gets no colour (<c>NO_COLOR</c>, <c>--color never</c>) or cannot move the cursor (<c>TERM=dumb</c>).</summary>
    Plain,

    /// <summary>A live Spectre.Console display that redraws in place and disappears when the run ends.</summary>
    Live,
}
