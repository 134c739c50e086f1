using Codemod.Cli;
using System.Diagnostics;
using System.Text;
using Codemod.Cli.Plans;
using Codemod.Core.Settings;

namespace Codemod.Tests.Plans;

public sealed class HostilePlanTests
{
    [Fact]
    public void An_alias_bomb_used_as_a_mapping_key_is_refused_in_well_under_a_second()
    {
        // Given a 500-byte plan whose aliases expand to billions of nodes, used as a key
        var yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 9; i++)
        {
            yaml.Append($"{(char)('a' + i)}: &{(char)('a' + i)} [*{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}]\n");
        }

        yaml.Append("? *i\n: boom\nsteps: []\n");
        var clock = Stopwatch.StartNew();

        // When it is read
        var error = Assert.Throws<UserError>(() => PlanReader.Parse(yaml.ToString(), "bomb.yaml"));

        // Then it is one usage error with a line, fast
        Assert.Equal(ExitCodes.UsageError, ExitCodes.For(error));
        Assert.StartsWith("bomb.yaml:", error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
    }

    [Fact]
    public void A_list_as_a_key_is_refused_with_its_line()
    {
        var error = Assert.Throws<UserError>(() => PlanReader.Parse("steps:\n  - codemod: x\n? [a, b]\n: c\n", "plan.yaml"));

        Assert.Equal("plan.yaml:3: a key must be a plain value: an alias, a list or a mapping as a key is refused", error.Message);
    }

    [Fact]
    public void A_huge_plan_is_refused_before_it_is_parsed()
    {
        var yaml = "steps:\n  - codemod: x\n" + new string('#', PlanReader.MaxPlanChars);

        var error = Assert.Throws<UserError>(() => PlanReader.Parse(yaml, "big.yaml"));

        Assert.Contains("a plan is limited to", error.Message);
    }
}
