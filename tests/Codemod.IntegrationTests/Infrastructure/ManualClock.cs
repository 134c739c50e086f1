using System.Globalization;

namespace Codemod.IntegrationTests.Infrastructure;

/// <summary>A clock the test moves by hand, so run ids and tag names are known in advance and ordered.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public static ManualClock At(string isoUtc) => new(DateTimeOffset.Parse(isoUtc, CultureInfo.InvariantCulture));

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
