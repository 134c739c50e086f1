using Codemod.IntegrationTests.Git;
using Codemod.IntegrationTests.Infrastructure;

namespace Codemod.IntegrationTests.Schemas;

/// <summary>The documents of the smaller commands (list, config, cache info, rollback) match their schemas.</summary>
public sealed partial class DocumentSchemaTests
{
    [Fact]
    public async Task List_document_matches_its_schema_with_and_without_libcst_codemods()
    {
        // Given the bundled codemods
        using var temp = new TempDirectory();

        // When they are listed, alone and with LibCST's own
        var ours = await CliHarness.RunAsync(temp.Path, "list", "--format", "json");
        var all = await CliHarness.RunAsync(temp.Path, "list", "--all", "--format", "json");

        // Then both lists match the list schema, and a codemod with a required module says so
        Assert.True(ours.ExitCode == 0, ours.ToString());
        Assert.True(all.ExitCode == 0, all.ToString());
        DocumentSchemas.AssertValid("list", ours.Stdout);
        DocumentSchemas.AssertValid("list", all.Stdout);
        Assert.Contains("\"nameParameter\"", ours.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_document_matches_its_schema_for_lists_numbers_strings_and_codemod_arguments()
    {
        // Given a configuration with a list, an integer, a fraction, a string and a codemod's arguments
        using var dir = new TempDirectory();
        dir.Write("pyproject.toml", "[tool.codemod]\ninclude = [\"src/**/*.py\"]\njobs = 2\ntimeout = 2.5\nformatter = \"ruff format -\"\n\n[tool.codemod.env-to-isolated]\nallow = [\"a.py\", \"b.py\"]\n");

        // When the resolved settings are shown
        var result = await CliHarness.RunAsync(dir.Path, "config", "--format", "json");

        // Then the document matches the config schema, the fraction kept as a number
        Assert.True(result.ExitCode == 0, result.ToString());
        DocumentSchemas.AssertValid("config", result.Stdout);
        Assert.Contains("\"value\": 2.5,", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"name\": \"env-to-isolated.allow\"", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cache_info_document_matches_its_schema()
    {
        // Given a cache folder filled by one preview
        using var project = new TempDirectory();
        using var cache = new TempDirectory();
        project.Write("a.py", "import os\nHOST = os.environ.get(\"HOST\")\n");
        Assert.Equal(0, (await CliHarness.RunAsync(project.Path, "preview", "env-to-isolated", ".", "--cache-dir", cache.Path)).ExitCode);

        // When the cache is described
        var result = await CliHarness.RunAsync(project.Path, "cache", "info", "--format", "json", "--cache-dir", cache.Path);

        // Then the document matches the cache-info schema
        Assert.True(result.ExitCode == 0, result.ToString());
        DocumentSchemas.AssertValid("cache-info", result.Stdout);
        Assert.Contains("\"command\": \"cache info\"", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rollback_document_matches_its_schema_for_a_rollback_and_a_repeated_one()
    {
        // Given a committed run
        using var repo = GitFixture.Create();
        Assert.Equal(0, (await GitFixture.ApplyCommitAsync(repo, GitFixture.Clock())).ExitCode);
        var runId = GitFixture.OnlyRunId(repo);

        // When it is rolled back, then rolled back again
        var first = await CliHarness.RunAsync(repo.Path, "rollback", runId, "--format", "json");
        var again = await CliHarness.RunAsync(repo.Path, "rollback", runId, "--format", "json");

        // Then both documents match the rollback schema: one verified, one already rolled back
        Assert.True(first.ExitCode == 0, first.ToString());
        DocumentSchemas.AssertValid("rollback", first.Stdout);
        DocumentSchemas.AssertValid("rollback", again.Stdout);
        Assert.Contains("\"verified\": true", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"status\": \"alreadyRolledBack\"", again.Stdout, StringComparison.Ordinal);
    }
}
