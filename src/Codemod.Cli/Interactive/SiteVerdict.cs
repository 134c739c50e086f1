namespace Codemod.Cli.Interactive;

/// <summary>What the reviewer decided about one rewrite site.</summary>
internal enum SiteVerdict
{
    Accepted,
    Rejected,

    /// <summary>The file's text was edited by hand; the edit, not the codemod, decides this site.</summary>
    Edited,

    /// <summary>The review ended (q) before this site was decided: it is not written.</summary>
    NotReviewed,
}
