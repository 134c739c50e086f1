namespace Codemod.Core.Diff;

/// <summary>The role of one line of a unified diff.</summary>
public enum DiffLineKind
{
    FileHeader,
    HunkHeader,
    Context,
    Removed,
    Added,
    NoNewline,
}

/// <summary>One line of a unified diff; <see cref="Text"/> holds no line terminator, the renderer adds '\n'.</summary>
public sealed record DiffLine(DiffLineKind Kind, string Text);
