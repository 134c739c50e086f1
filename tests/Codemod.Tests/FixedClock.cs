using System.Globalization;

namespace Codemod.Tests;

/// <summary>A clock stopped at one instant.</summary>
public sealed class FixedClock(string isoUtc) : TimeProvider
{
    private readonly DateTimeOffset _now = DateTimeOffset.Parse(isoUtc, CultureInfo.InvariantCulture);

    public override DateTimeOffset GetUtcNow() => _now;
}
