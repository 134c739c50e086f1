using System.Globalization;
using Codemod.Core.Scan;

namespace Codemod.Cli.Rendering;

/// <summary>The ratchet's verdict on stderr: each rule's count before → now with the delta, and which rules went up.</summary>
internal static class BurnDownReporter
{
    public static void Write(TextWriter error, string baselineName, BaselineComparison comparison, Paint paint)
    {
        var width = Math.Max("total".Length, comparison.Rows.Max(r => r.Rule.Length));
        error.WriteLine(paint.Bold($"burn-down against {baselineName}:"));
        error.WriteLine($"  {"rule".PadRight(width)}  {"before",6}  {"now",6}  {"delta",6}");
        foreach (var row in comparison.Rows)
        {
            var before = row.Before?.ToString(CultureInfo.InvariantCulture) ?? "new";
            error.WriteLine($"  {row.Rule.PadRight(width)}  {before,6}  {row.Now,6}  {Delta(row.Delta, paint)}");
        }

        error.WriteLine($"  {"total".PadRight(width)}  {comparison.BeforeTotal,6}  {comparison.NowTotal,6}  {Delta(comparison.NowTotal - comparison.BeforeTotal, paint)}");
        var up = comparison.Rows.Where(r => r.WentUp).ToList();
        error.WriteLine(up.Count == 0
            ? paint.Green("ratchet: no rule went up")
            : paint.Red($"ratchet: {string.Join(", ", up.Select(r => $"{r.Rule} went up {r.Before} → {r.Now}"))}"));
    }

    private static string Delta(int? delta, Paint paint)
    {
        var text = delta switch
        {
            null => "",
            > 0 => "+" + delta.Value.ToString(CultureInfo.InvariantCulture),
            _ => delta.Value.ToString(CultureInfo.InvariantCulture),
        };
        var padded = $"{text,6}";
        return delta switch
        {
            > 0 => paint.Red(padded),
            < 0 => paint.Green(padded),
            _ => padded,
        };
    }
}
