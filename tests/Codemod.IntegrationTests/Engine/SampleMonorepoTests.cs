using System.Text.Json;
using Codemod.IntegrationTests.Infrastructure;

namespace Codemod.IntegrationTests.Engine;

/// <summary>The bundled sample holds a known inventory (fixtures/sample-monorepo/PLANTED.md); the preview must find exactly it.</summary>
public sealed class SampleMonorepoTests
{
    [Fact]
    public async Task Env_to_isolated_preview_finds_exactly_the_planted_accesses()
    {
        // Given the sample monorepo as shipped (README's main command)
        // When previewing env-to-isolated on it
        var result = await CliHarness.RunAsync(Paths.RepositoryRoot, "preview", "env-to-isolated", "fixtures/sample-monorepo", "--format", "json");

        // Then the totals are those PLANTED.md lists: 32 rewrites in 10 files, 10 production reviews + 13 patch.dict reviews,
        // the bootstrap file skipped as allowed, nothing failed
        using var json = JsonDocument.Parse(result.StdoutBytes);
        var totals = json.RootElement.GetProperty("totals");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(32, totals.GetProperty("changes").GetInt32());
        Assert.Equal(10, totals.GetProperty("changed").GetInt32());
        Assert.Equal(23, totals.GetProperty("reviews").GetInt32());
        Assert.Equal(1, totals.GetProperty("skipped").GetInt32());
        Assert.Equal(0, totals.GetProperty("failed").GetInt32());
        var skipped = json.RootElement.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("outcome").GetString() == "skipped");
        Assert.Equal("shared/isolated_environment.py", skipped.GetProperty("path").GetString());
    }
}
