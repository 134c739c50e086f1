using System.Globalization;
using System.Text.RegularExpressions;

namespace Codemod.Core.Vcs;

/// <summary>
/// Names one run (or one plan batch): the UTC start time and six random hex digits, e.g. <c>20261121T153012Z-a1b2c3</c>.
/// The timestamp makes ids sort by time and read as dates; the suffix keeps two runs in the same second apart.
/// </summary>
public sealed partial record RunId
{
    private const string TimestampFormat = "yyyyMMdd'T'HHmmss'Z'";

    private RunId(string value, DateTimeOffset timestamp)
    {
        Value = value;
        Timestamp = timestamp;
    }

    public string Value { get; }

    /// <summary>When the run started (UTC, to the second).</summary>
    public DateTimeOffset Timestamp { get; }

    public static RunId New(TimeProvider time, Random? random = null)
    {
        var now = time.GetUtcNow().ToUniversalTime();
        var stamp = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, TimeSpan.Zero);
        var suffix = (random ?? Random.Shared).Next(0, 1 << 24).ToString("x6", CultureInfo.InvariantCulture);
        return new RunId($"{stamp.ToString(TimestampFormat, CultureInfo.InvariantCulture)}-{suffix}", stamp);
    }

    public static bool TryParse(string? text, out RunId id)
    {
        id = null!;
        if (text is null || !Shape().IsMatch(text)
            || !DateTimeOffset.TryParseExact(text[..16], TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var stamp))
        {
            return false;
        }

        id = new RunId(text, stamp);
        return true;
    }

    public override string ToString() => Value;

    [GeneratedRegex("^[0-9]{8}T[0-9]{6}Z-[0-9a-f]{6}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
