using System.Text.Json;
using Codemod.IntegrationTests.Infrastructure;

namespace Codemod.IntegrationTests.Scan;

/// <summary>The scan's <c>singleton</c> rule finds module-level <c>get_*()</c> accessors, by the definition it shares with singleton-to-factory.</summary>
public sealed class SingletonAccessorFunctionTests
{
    [Fact]
    public async Task Get_functions_handing_out_one_shared_object_are_singletons_and_ordinary_getters_are_not()
    {
        // Given lazy, cached and instance-returning accessors next to getters that build a new object or take an argument
        using var project = new TempDirectory();
        project.Write("app/providers.py", """
            import functools

            from app.settings import Settings, AgentRegistry

            _settings = None
            registry = AgentRegistry()


            def get_settings():
                global _settings
                if _settings is None:
                    _settings = Settings()
                return _settings


            @functools.lru_cache()
            def get_cached_settings():
                return Settings()


            def get_registry():
                return registry


            def get_fresh_settings():
                return Settings()


            def get_user(user_id):
                return None
            """);

        // When it is scanned
        var scan = await CliHarness.RunAsync(project.Path, "scan", ".", "--format", "json");

        // Then the three accessors are get-function singletons (with what they hand out), besides the instance itself
        var found = JsonDocument.Parse(scan.Stdout).RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("rule").GetString() == "singleton")
            .Select(f => (f.GetProperty("line").GetInt32(), f.GetProperty("properties").GetProperty("kind").GetString(), f.GetProperty("properties").GetProperty("class").GetString()))
            .ToList();
        Assert.Equal(
            [(6, "module-instance", "AgentRegistry"), (9, "get-function", "Settings"), (17, "get-function", "Settings"), (21, "get-function", "AgentRegistry")],
            found);
    }
}
