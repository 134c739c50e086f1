namespace Codemod.Core.Vcs;

/// <summary>
/// The tag names of a run: <c>codemod/&lt;id&gt;/before</c> (the rollback point, HEAD before anything was written),
/// <c>codemod/&lt;id&gt;/after</c> (the run's commit; for a plan, its last step's) and <c>codemod/&lt;id&gt;/rolled-back</c>
/// (where a rollback left HEAD), so history survives a hard reset that makes the run's commit unreachable.
/// </summary>
public static class RunTags
{
    public const string Prefix = "codemod/";

    /// <summary>The notes ref holding each run's full JSON report, attached to the run's commit.</summary>
    public const string NotesRef = "refs/notes/codemod";

    public static string Before(RunId id) => Before(id.Value);

    public static string Before(string id) => $"{Prefix}{id}/before";

    public static string After(string id) => $"{Prefix}{id}/after";

    public static string RolledBack(string id) => $"{Prefix}{id}/rolled-back";

    /// <summary>The run id of a tag name (<c>codemod/&lt;id&gt;/&lt;role&gt;</c>), with the role; false for other tags.</summary>
    public static bool TryParse(string tagName, out string id, out string role)
    {
        id = role = string.Empty;
        var name = tagName.StartsWith("refs/tags/", StringComparison.Ordinal) ? tagName["refs/tags/".Length..] : tagName;
        if (!name.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = name[Prefix.Length..];
        var slash = rest.LastIndexOf('/');
        if (slash <= 0 || slash == rest.Length - 1)
        {
            return false;
        }

        id = rest[..slash];
        role = rest[(slash + 1)..];
        return role is "before" or "after" or "rolled-back";
    }
}
