namespace Codemod.Core.Scan.Checks;

/// <summary>Shared wording of finding messages.</summary>
internal static class Describe
{
    private const int Listed = 5;

    /// <summary>"a, b, c" or "a, b, c, d, e and 3 more": a group of 40 copies must not make a 40-line message.</summary>
    public static string List(IEnumerable<string> items)
    {
        var all = items.ToList();
        return all.Count <= Listed ? string.Join(", ", all) : $"{string.Join(", ", all.Take(Listed))} and {all.Count - Listed} more";
    }

    /// <summary>The members of <paramref name="all"/> other than <paramref name="self"/>, listed as <see cref="List"/> does; linear,
    /// because a group of thousands (a class every module repeats) asks for it once per member.</summary>
    public static string Others(IReadOnlyList<string> all, string self)
    {
        var shown = all.Where(x => x != self).Take(Listed + 1).ToList();
        var count = all.Count - all.Count(x => x == self);
        return count <= Listed ? string.Join(", ", shown) : $"{string.Join(", ", shown.Take(Listed))} and {count - Listed} more";
    }

    public static string Plural(int count, string singular, string? plural = null) =>
        $"{count} {(count == 1 ? singular : plural ?? singular + "s")}";

    public static string Scope(bool inTest) => inTest ? "test" : "production";

    public static SortedDictionary<string, object> Properties(params (string Name, object Value)[] pairs)
    {
        var properties = new SortedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var (name, value) in pairs)
        {
            properties[name] = value;
        }

        return properties;
    }
}
