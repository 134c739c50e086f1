using System.Text;
using Codemod.Core.Transform;

namespace Codemod.Tests.Core;

public sealed class PrefilterTests
{
    private static bool Accepts(string source, params string[] tokens) => new Prefilter(tokens).Accepts(Encoding.UTF8.GetBytes(source));

    [Theory]
    [InlineData("x = os.environ.get('A')")]
    [InlineData("environ")]
    [InlineData("from os import environ as E\n")]
    [InlineData("y = os.getenv('A')")]
    public void File_containing_a_token_as_a_whole_identifier_is_accepted(string source) =>
        Assert.True(Accepts(source, "environ", "getenv"));

    [Theory]
    [InlineData("from shared.isolated_environment import get_env")]
    [InlineData("ENVIRONMENT = 'prod'")]
    [InlineData("environ_name = 1")]
    [InlineData("my_environ = 1")]
    [InlineData("")]
    public void Token_inside_a_longer_identifier_does_not_count(string source) =>
        Assert.False(Accepts(source, "environ", "getenv"));

    [Fact]
    public void Later_whole_word_occurrence_is_found_after_an_embedded_one()
    {
        Assert.True(Accepts("isolated_environment\nos.environ", "environ"));
    }

    [Fact]
    public void Non_ascii_letter_next_to_a_token_makes_it_part_of_an_identifier()
    {
        Assert.False(Accepts("environé = 1", "environ"));
    }

    [Fact]
    public void Codemod_without_tokens_accepts_every_file()
    {
        Assert.True(new Prefilter([]).AcceptsEverything);
        Assert.True(Accepts("anything", []));
    }
}
