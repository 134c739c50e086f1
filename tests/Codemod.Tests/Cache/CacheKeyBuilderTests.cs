using Codemod.Core.Cache;

namespace Codemod.Tests.Cache;

public sealed class CacheKeyBuilderTests
{
    private static string Key(params string[] parts)
    {
        using var builder = new CacheKeyBuilder("test");
        foreach (var part in parts)
        {
            builder.Add(part);
        }

        return builder.Build();
    }

    [Fact]
    public void Parts_are_length_prefixed_so_moving_a_boundary_changes_the_key()
    {
        Assert.NotEqual(Key("ab", "c"), Key("a", "bc"));
    }

    [Fact]
    public void The_same_parts_give_the_same_lowercase_hex_key()
    {
        Assert.Equal(Key("a", "b"), Key("a", "b"));
        Assert.Matches("^[0-9a-f]{64}$", Key("a"));
    }

    [Fact]
    public void A_value_cannot_slide_from_one_argument_to_the_next()
    {
        static string Of(Dictionary<string, IReadOnlyList<string>> arguments)
        {
            using var builder = new CacheKeyBuilder("test");
            return builder.Add(arguments).Build();
        }

        Assert.NotEqual(
            Of(new() { ["a"] = ["x", "y"], ["b"] = [] }),
            Of(new() { ["a"] = ["x"], ["b"] = ["y"] }));
    }

    [Fact]
    public void No_excluded_lines_leave_the_key_as_it_was_and_any_excluded_line_changes_it()
    {
        static string Of(IReadOnlySet<int> lines)
        {
            using var builder = new CacheKeyBuilder("test");
            return builder.Add("file").AddExcludedLines(lines).Build();
        }

        Assert.Equal(Key("file"), Of(new HashSet<int>()));
        Assert.NotEqual(Key("file"), Of(new HashSet<int> { 3 }));
        Assert.NotEqual(Of(new HashSet<int> { 3 }), Of(new HashSet<int> { 4 }));
        Assert.Equal(Of(new HashSet<int> { 4, 3 }), Of(new HashSet<int> { 3, 4 }));
    }
}
