using Codemod.Cli;
using Codemod.Cli.Options;
using Codemod.Core.Settings;

namespace Codemod.Tests.Cli;

public sealed class SettingsResolverTests
{
    [Fact]
    public void Repeated_arg_collects_every_value_in_order()
    {
        var args = SettingsResolver.Arguments(["allow=a/*.py", "module=x.y", "allow=b.py"]);

        Assert.Equal(["a/*.py", "b.py"], args["allow"]);
        Assert.Equal(["x.y"], args["module"]);
    }

    [Fact]
    public void Value_may_contain_equals_signs()
    {
        Assert.Equal(["a=b"], SettingsResolver.Arguments(["source=a=b"])["source"]);
    }

    [Fact]
    public void Dashed_names_are_the_parameters_snake_case_names()
    {
        Assert.True(SettingsResolver.Arguments(["temp-vars=x"]).ContainsKey("temp_vars"));
    }

    [Theory]
    [InlineData("novalue")]
    [InlineData("=x")]
    public void Arg_without_name_and_equals_is_a_user_error(string pair)
    {
        var error = Assert.Throws<UserError>(() => SettingsResolver.Arguments([pair]));
        Assert.Contains("NAME=VALUE", error.Message, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.UsageError, ExitCodes.For(error));
    }

    [Theory]
    [InlineData("1/2", 0, true)]
    [InlineData("1/2", 1, false)]
    [InlineData("2/2", 1, true)]
    [InlineData("3/3", 5, true)]
    public void Shard_takes_every_nth_file(string spec, int position, bool contained) =>
        Assert.Equal(contained, ShardSpec.Parse(spec).Contains(position));

    [Theory]
    [InlineData("0/2")]
    [InlineData("3/2")]
    [InlineData("x")]
    public void Malformed_shard_is_a_user_error(string spec) => Assert.Throws<UserError>(() => ShardSpec.Parse(spec));
}
