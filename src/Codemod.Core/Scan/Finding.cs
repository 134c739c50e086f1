namespace Codemod.Core.Scan;

/// <summary>
/// One violation of one rule at one place. <see cref="Group"/> ties together the findings of one duplicate set (stable,
/// e.g. <c>duplicate-class-name:SessionManager</c>); <see cref="Key"/> identifies the finding inside its file without its
/// line, so fingerprints survive edits above it.
/// </summary>
public sealed record Finding(string Rule, string Path, int Line, string Message)
{
    /// <summary>0-based column, when the rule knows one.</summary>
    public int? Column { get; init; }

    public string? Group { get; init; }

    /// <summary>The finding is in test code (as the scan classifies paths).</summary>
    public bool InTest { get; init; }

    public required string Key { get; init; }

    /// <summary>Rule-specific details (e.g. the env-access form): strings, integers or booleans, written in key order.</summary>
    public IReadOnlyDictionary<string, object> Properties { get; init; } = new SortedDictionary<string, object>(StringComparer.Ordinal);

    /// <summary>The first folder of the path: the top-level package the finding is counted under.</summary>
    public string Package => ScanReport.PackageOf(Path);
}
