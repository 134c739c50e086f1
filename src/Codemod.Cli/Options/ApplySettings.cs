namespace Codemod.Cli.Options;

/// <summary>
/// <c>codemod apply</c>, resolved. <see cref="Run"/> is null with <c>--from-patch</c>: the patches name the files, and
/// <see cref="PatchRoot"/> says where they are.
/// </summary>
internal sealed record ApplySettings(CodemodRunSettings? Run, bool Json, bool Commit, bool AllowDirty, bool NoVerify, bool Strict, OutputStyle Style)
{
    public IReadOnlyList<string> FromPatch { get; init; } = [];

    public string PatchRoot { get; init; } = ".";

    /// <summary><c>-i</c>: every rewrite site is shown and accepted or rejected before anything is written.</summary>
    public bool Interactive { get; init; }

    /// <summary>What <c>q</c> during <c>-i</c> does with the sites accepted so far.</summary>
    public QuitChoice OnQuit { get; init; } = QuitChoice.Write;
}
