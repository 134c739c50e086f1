using Codemod.Cli.Commands;
using Codemod.Core.Settings;

namespace Codemod.Tests.Planning;

public sealed class PlanSuggestConfigTests
{
    [Fact]
    public void Recorded_canonical_classes_and_factories_are_read()
    {
        // Given a config recording both decisions
        const string yaml = """
            canonical:
              - core.sessions.SessionStore
            factories:
              core.registry.get_agent_registry: core.registry_factory.AgentRegistryFactory.create
            """;

        // When it is read
        var config = PlanSuggestConfig.Parse(yaml, "decisions.yaml");

        // Then both are there
        Assert.Equal(["core.sessions.SessionStore"], config.Canonical);
        Assert.Equal("core.registry_factory.AgentRegistryFactory.create", config.Factories["core.registry.get_agent_registry"]);
    }

    [Theory]
    [InlineData("canonicals: [a.b.C]\n", "decisions.yaml:1: unknown key 'canonicals' (allowed: canonical, factories)")]
    [InlineData("canonical: a.b.C\n", "decisions.yaml:1: 'canonical' must be a list of dotted class names")]
    public void A_config_of_the_wrong_shape_is_one_error_naming_the_line(string yaml, string message)
    {
        var error = Assert.Throws<UserError>(() => PlanSuggestConfig.Parse(yaml, "decisions.yaml"));
        Assert.Equal(message, error.Message);
    }
}
