namespace Codemod.Core.Apply;

/// <summary>
/// The named phases of a run, in order. The journal records the phase reached; the phase hook (tests kill or pause the
/// process there) is called at the same names, once the phase is under way.
/// </summary>
public static class RunPhases
{
    /// <summary>The run is recorded and its rollback tag exists; nothing is written yet.</summary>
    public const string Before = "before";

    /// <summary>Temp files carrying the new bytes are being written beside their targets.</summary>
    public const string TempWrites = "temp-writes";

    /// <summary>Temp files are being renamed over their targets.</summary>
    public const string Renames = "renames";

    /// <summary>The written paths are being staged.</summary>
    public const string GitAdd = "git-add";

    /// <summary>git commit is running (or has just returned).</summary>
    public const string GitCommit = "git-commit";

    /// <summary>The commit stands; its tag and note are being written.</summary>
    public const string Tagging = "tagging";

    /// <summary>A plan batch is between or inside steps.</summary>
    public const string Steps = "steps";
}
