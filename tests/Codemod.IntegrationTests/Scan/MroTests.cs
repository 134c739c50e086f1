using System.Text.Json;
using Codemod.IntegrationTests.Infrastructure;

namespace Codemod.IntegrationTests.Scan;

/// <summary><c>codemod mro</c> on fixtures/scan/mro (diamond, aliases, relative imports, a C3 conflict) and on the sample monorepo.</summary>
public sealed class MroTests
{
    private static readonly string MroFixture = ScanFixtureRuns.FixtureFolder("mro");

    private static async Task<(CliHarness.CliResult Result, Dictionary<string, JsonElement> Classes)> JsonAsync(string folder, string pattern)
    {
        var result = await CliHarness.RunAsync(folder, "mro", pattern, ".", "--format", "json");
        var classes = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("classes").EnumerateArray()
            .ToDictionary(c => $"{c.GetProperty("qualifiedName").GetString()}@{c.GetProperty("line").GetInt32()}", c => c.Clone());
        return (result, classes);
    }

    private static string[] Mro(JsonElement lineage) => [.. lineage.GetProperty("mro").EnumerateArray().Select(e => e.GetString()!)];

    [Fact]
    public async Task Diamond_reached_through_relative_and_submodule_imports_has_pythons_order()
    {
        var (_, classes) = await JsonAsync(MroFixture, "Diamond");

        var diamond = Assert.Single(classes).Value;
        Assert.Equal(["shapes.diamond.Diamond", "shapes.left.Left", "shapes.right.Right", "shapes.base.Base", "object"], Mro(diamond));
        Assert.Equal(["Left", "right.Right"], diamond.GetProperty("bases").EnumerateArray().Select(b => b.GetProperty("source").GetString()));
    }

    [Fact]
    public async Task Aliased_import_of_a_package_re_export_resolves_to_the_defining_module()
    {
        // Given shapes/right.py: `from shapes import Base as B`, shapes/__init__.py re-exporting `from .base import Base`
        var (_, classes) = await JsonAsync(MroFixture, "shapes.right.Right");

        var basis = Assert.Single(Assert.Single(classes).Value.GetProperty("bases").EnumerateArray());
        Assert.Equal(("B", "shapes.base.Base", "project"), (basis.GetProperty("source").GetString(), basis.GetProperty("name").GetString(), basis.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task Inconsistent_hierarchy_is_an_error_and_exits_one()
    {
        var (result, classes) = await JsonAsync(MroFixture, "conflict.orders.*");

        var z = classes["conflict.orders.Z@12"];
        Assert.Equal(JsonValueKind.Null, z.GetProperty("mro").ValueKind);
        Assert.Equal("Cannot create a consistent method resolution order (MRO) for bases A, B", z.GetProperty("error").GetString());
        Assert.Equal(["conflict.orders.X", "conflict.letters.A", "conflict.letters.B", "object"], Mro(classes["conflict.orders.X@4"]));
        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public async Task Third_party_bases_are_unresolved_leaves_followed_by_object()
    {
        var (result, classes) = await JsonAsync(MroFixture, "models.user.*");

        Assert.Equal(["models.user.Model", "sqlalchemy.orm.DeclarativeBase", "object"], Mro(classes["models.user.Model@7"]));
        Assert.Equal(["sqlalchemy.orm.DeclarativeBase"], classes["models.user.Model@7"].GetProperty("unresolved").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["pydantic.BaseModel"], classes["models.user.UserSettings@11"].GetProperty("unresolved").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["models.user.Avatar", "shapes.base.Base", "object"], Mro(classes["models.user.Avatar@15"]));
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public async Task Text_format_shows_bases_as_written_and_the_mro()
    {
        var result = await CliHarness.RunAsync(MroFixture, "mro", "Right", ".");

        Assert.Contains("Right  shapes.right (shapes/right.py:4)", result.Stdout);
        Assert.Contains("  bases:  B = shapes.base.Base", result.Stdout);
        Assert.Contains("  mro:    shapes.right.Right → shapes.base.Base → object", result.Stdout);
        Assert.Contains("mro: 9 files, 1 class matches 'Right'", result.Stderr);
    }

    [Fact]
    public async Task Mermaid_format_is_a_class_diagram_of_the_matches_and_their_ancestors()
    {
        var result = await CliHarness.RunAsync(MroFixture, "mro", "Diamond", ".", "--format", "mermaid");

        Assert.Equal(
            """
            classDiagram
                class C1["shapes.diamond.Diamond"]
                class C2["shapes.base.Base"]
                class C3["shapes.left.Left"]
                class C4["shapes.right.Right"]
                C3 <|-- C1
                C4 <|-- C1
                C2 <|-- C3
                C2 <|-- C4

            """.ReplaceLineEndings("\n"),
            result.Stdout);
    }

    [Fact]
    public async Task Every_websocket_manager_of_the_sample_monorepo_is_listed_with_its_module()
    {
        // Given the sample monorepo, with one canonical WebSocketManager, three legacy copies and four test doubles
        var (result, classes) = await JsonAsync(Paths.SampleMonorepo, "*WebSocketManager");

        // Then all eight are listed, each deriving directly from object
        Assert.Equal(
            [
                "auth_service.websocket.manager.WebSocketManager@14",
                "netra_backend.app.services.websocket_manager.WebSocketManager@16",
                "netra_backend.app.websocket.manager.WebSocketManager@16",
                "netra_backend.app.websocket_core.manager.WebSocketManager@22",
                "test_framework.fixtures.websocket.MockWebSocketManager@8",
                "tests.auth.test_session.MockWebSocketManager@10",
                "tests.backend.test_chat.MockWebSocketManager@11",
                "tests.backend.test_websocket_routes.MockWebSocketManager@13",
            ],
            classes.Keys);
        Assert.All(classes, c => Assert.Equal([c.Value.GetProperty("qualifiedName").GetString()!, "object"], Mro(c.Value)));
        Assert.Equal(0, result.ExitCode);
    }
}
