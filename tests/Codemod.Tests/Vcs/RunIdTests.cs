using Codemod.Core.Vcs;

namespace Codemod.Tests.Vcs;

public sealed class RunIdTests
{
    [Fact]
    public void Run_id_is_the_utc_second_and_six_hex_digits()
    {
        // Given a clock at a local time with an offset
        var clock = new FixedClock("2026-11-21T16:30:12.789+01:00");

        // When an id is made
        var id = RunId.New(clock, new Random(7));

        // Then it reads as the UTC second, and parses back to the same instant
        Assert.Matches("^20261121T153012Z-[0-9a-f]{6}$", id.Value);
        Assert.True(RunId.TryParse(id.Value, out var parsed));
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 15, 30, 12, TimeSpan.Zero), parsed.Timestamp);
    }

    [Theory]
    [InlineData("20261121T153012Z-A1B2C3")]
    [InlineData("20261121T153012-a1b2c3")]
    [InlineData("20261399T153012Z-a1b2c3")]
    [InlineData("codemod/20261121T153012Z-a1b2c3/before")]
    [InlineData("")]
    public void Other_shapes_are_not_run_ids(string text) => Assert.False(RunId.TryParse(text, out _));

    [Theory]
    [InlineData("codemod/20261121T153012Z-a1b2c3/before", "20261121T153012Z-a1b2c3", "before")]
    [InlineData("refs/tags/codemod/20261121T153012Z-a1b2c3/after", "20261121T153012Z-a1b2c3", "after")]
    [InlineData("codemod/20261121T153012Z-a1b2c3/rolled-back", "20261121T153012Z-a1b2c3", "rolled-back")]
    public void Run_tags_name_their_run_and_role(string tag, string id, string role)
    {
        Assert.True(RunTags.TryParse(tag, out var parsedId, out var parsedRole));
        Assert.Equal((id, role), (parsedId, parsedRole));
    }

    [Theory]
    [InlineData("v1.0.0")]
    [InlineData("codemod/20261121T153012Z-a1b2c3/other")]
    [InlineData("codemod/before")]
    public void Other_tags_are_not_run_tags(string tag) => Assert.False(RunTags.TryParse(tag, out _, out _));

    [Fact]
    public void Tag_names_follow_the_documented_pattern()
    {
        Assert.Equal("codemod/20261121T153012Z-a1b2c3/before", RunTags.Before("20261121T153012Z-a1b2c3"));
        Assert.Equal("codemod/20261121T153012Z-a1b2c3/after", RunTags.After("20261121T153012Z-a1b2c3"));
        Assert.Equal("codemod/20261121T153012Z-a1b2c3/rolled-back", RunTags.RolledBack("20261121T153012Z-a1b2c3"));
    }
}
