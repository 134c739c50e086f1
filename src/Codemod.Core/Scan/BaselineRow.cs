namespace Codemod.Core.Scan;

/// <summary>One rule in a burn-down: its count in the baseline (null when the baseline did not measure it) and now.</summary>
public sealed record BaselineRow(string Rule, int? Before, int Now)
{
    public int? Delta => Before is { } before ? Now - before : null;

    /// <summary>The ratchet trips only on a measured increase: a rule the baseline never counted cannot have gone up.</summary>
    public bool WentUp => Before is { } before && Now > before;
}
