namespace Codemod.Cli.Interactive;

/// <summary>What a key asks for at a site's prompt.</summary>
internal enum ReviewAction
{
    Accept,
    Reject,
    AcceptRestOfFile,
    RejectRestOfFile,
    Quit,
    Edit,
    Help,
}

/// <summary>The keys of the prompt and what each does.</summary>
internal static class ReviewKeys
{
    public const string Prompt = "[y,n,a,d,q,e,?]";

    /// <summary>The action of <paramref name="key"/>, or null for a key that means nothing here.</summary>
    public static ReviewAction? Parse(char key) => char.ToLowerInvariant(key) switch
    {
        'y' => ReviewAction.Accept,
        'n' => ReviewAction.Reject,
        'a' => ReviewAction.AcceptRestOfFile,
        'd' => ReviewAction.RejectRestOfFile,
        'q' => ReviewAction.Quit,
        'e' => ReviewAction.Edit,
        '?' or 'h' => ReviewAction.Help,
        _ => null,
    };

    public static IReadOnlyList<string> Help(bool writeOnQuit) =>
    [
        "y - accept this site",
        "n - reject this site: the codemod re-runs the file without it, so imports stay consistent",
        "a - accept this site and the rest of this file",
        "d - reject this site and the rest of this file",
        writeOnQuit
            ? "q - quit: write the sites accepted so far, leave the rest of the files as they are (--on-quit write)"
            : "q - quit: write nothing at all (--on-quit discard)",
        "e - edit this file's proposed text in $EDITOR (the edited text must compile)",
        "? - print this help",
    ];
}
