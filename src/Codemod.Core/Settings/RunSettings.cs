namespace Codemod.Core.Settings;

/// <summary>Everything a run needs, resolved once from the command line and the environment before any work starts.</summary>
public sealed record RunSettings
{
    /// <summary>Absolute project root: paths in every report are relative to it, and module names derive from it.</summary>
    public required string Root { get; init; }

    /// <summary>Files or folders (relative to <see cref="Root"/>, '/'-separated) the run is limited to; empty means the whole root.</summary>
    public IReadOnlyList<string> Paths { get; init; } = [];

    public IReadOnlyList<string> Includes { get; init; } = ["**/*.py"];

    public IReadOnlyList<string> Excludes { get; init; } = [];

    public int Jobs { get; init; } = Environment.ProcessorCount;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    public long MaxFileSize { get; init; } = 1024 * 1024;

    /// <summary>Text that marks a file as generated when it occurs in its first lines (LibCST's own default); empty or null turns the check off.</summary>
    public string? GeneratedMarker { get; init; } = DefaultGeneratedMarker;

    public const string DefaultGeneratedMarker = "@generated";

    /// <summary>A formatter's argv (e.g. <c>ruff format -</c>) that every changed file's new bytes pass through, stdin to stdout; null for none.</summary>
    public IReadOnlyList<string>? Formatter { get; init; }

    /// <summary>Selects one deterministic slice of the sorted file list (CI fan-out); null runs everything.</summary>
    public ShardSpec? Shard { get; init; }
}

/// <summary>Shard <c>Index</c> (1-based) of <c>Count</c>: files whose position modulo Count equals Index-1.</summary>
public sealed record ShardSpec(int Index, int Count)
{
    public static ShardSpec Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length == 2 && int.TryParse(parts[0], out var i) && int.TryParse(parts[1], out var n) && n >= 1 && i >= 1 && i <= n)
        {
            return new ShardSpec(i, n);
        }

        throw new UserError($"--shard '{text}' is not I/N with 1 <= I <= N: write e.g. --shard 2/4");
    }

    public bool Contains(int position) => position % Count == Index - 1;
}
