namespace Codemod.Cli.Rendering;

/// <summary>The counts of a run at one moment, and what follows from them: percentage, rate, time left.</summary>
internal readonly record struct ProgressSnapshot(int Done, int Total, int Changed, int Failed, TimeSpan Elapsed)
{
    public int Percent => Total == 0 ? 100 : (int)(Done * 100L / Total);

    /// <summary>Files per second so far; null before the first file is done or the clock has moved.</summary>
    public double? Rate => Done == 0 || Elapsed <= TimeSpan.Zero ? null : Done / Elapsed.TotalSeconds;

    /// <summary>Time left at the rate so far; null while the rate is unknown.</summary>
    public TimeSpan? Remaining => Rate is { } rate ? TimeSpan.FromSeconds((Total - Done) / rate) : null;
}
