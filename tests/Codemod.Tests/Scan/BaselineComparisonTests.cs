using Codemod.Core.Scan;
using static Codemod.Tests.Scan.ScanFacts;

namespace Codemod.Tests.Scan;

public sealed class BaselineComparisonTests
{
    private static readonly ScanReport TwoEnvAccesses =
        ScanAggregator.Aggregate([File("app/a.py", env: [Env(1), Env(2)])], new DateOnly(2026, 1, 1));

    private static Dictionary<string, int> Baseline(int envAccess) =>
        ScanRules.All.ToDictionary(r => r.Id, r => r.Id == "env-access" ? envAccess : 0);

    [Fact]
    public void Count_that_went_up_exceeds_the_baseline()
    {
        var comparison = BaselineComparison.Compare(Baseline(1), TwoEnvAccesses);

        Assert.True(comparison.Exceeded);
        Assert.Equal(new BaselineRow("env-access", 1, 2), comparison.Rows[0]);
        Assert.Equal(1, comparison.Rows[0].Delta);
    }

    [Fact]
    public void Count_that_went_down_passes_with_a_negative_delta()
    {
        var comparison = BaselineComparison.Compare(Baseline(5), TwoEnvAccesses);

        Assert.False(comparison.Exceeded);
        Assert.Equal(-3, comparison.Rows[0].Delta);
        Assert.Equal((5, 2), (comparison.BeforeTotal, comparison.NowTotal));
    }

    [Fact]
    public void Equal_counts_pass()
    {
        Assert.False(BaselineComparison.Compare(Baseline(2), TwoEnvAccesses).Exceeded);
    }

    [Fact]
    public void Rule_the_baseline_never_measured_cannot_go_up()
    {
        var comparison = BaselineComparison.Compare(new Dictionary<string, int>(), TwoEnvAccesses);

        Assert.False(comparison.Exceeded);
        Assert.Null(comparison.Rows[0].Before);
    }

    [Fact]
    public void Rule_only_the_baseline_knows_is_kept_as_a_row_going_to_zero()
    {
        var baseline = new Dictionary<string, int>(Baseline(2)) { ["retired-rule"] = 4 };

        var comparison = BaselineComparison.Compare(baseline, TwoEnvAccesses);

        Assert.Equal(new BaselineRow("retired-rule", 4, 0), comparison.Rows[^1]);
        Assert.False(comparison.Exceeded);
    }
}
