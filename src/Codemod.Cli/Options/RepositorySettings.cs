namespace Codemod.Cli.Options;

/// <summary>
/// What history, rollback and recover are resolved to: the folder the repository is looked up from, the JSON switch,
/// and the colour of stderr. Rollback's target and mode travel with it.
/// </summary>
internal sealed record RepositorySettings(string Folder, string? GivenRoot, bool Json, OutputStyle Style)
{
    /// <summary>history: the run whose report to show; rollback: the run or tag to undo.</summary>
    public string? RunId { get; init; }

    public bool Hard { get; init; }

    public bool NoVerify { get; init; }
}
