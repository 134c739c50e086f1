using System.Text.Json;
using Codemod.IntegrationTests.Infrastructure;

namespace Codemod.IntegrationTests.Scan;

/// <summary>The scan of the bundled sample monorepo against what its PLANTED.md says was planted.</summary>
public sealed class SampleMonorepoScanTests
{
    [Fact]
    public async Task Scan_of_the_sample_finds_what_was_planted()
    {
        // Given the sample monorepo in a git repository
        using var repo = TempRepo.FromSample();

        // When it is scanned as JSON
        var result = await CliHarness.RunAsync(repo.Path, "scan", ".", "--format", "json", "--today", "2026-01-01");

        // Then the counts are PLANTED.md's: 42 production + 13 test environment accesses, the duplicate groups, three singletons
        Assert.Equal(0, result.ExitCode);
        var findings = ScanFinding.Parse(result.Stdout);
        var env = findings.Where(f => f.Rule == "env-access").ToList();
        Assert.Equal((42, 13), (env.Count(f => f.Scope == "production"), env.Count(f => f.Scope == "test")));
        Assert.DoesNotContain(findings, f => f.Path == "shared/isolated_environment.py" || f.Path == "test_framework/isolated_environment_fixtures.py");
        Assert.Equal(
            [("duplicate-class-name:MCPToolExecutor", 2), ("duplicate-class-name:SessionManager", 2), ("duplicate-class-name:WebSocketManager", 4)],
            Groups(findings, "duplicate-class-name"));
        Assert.Equal([("identical-class:MCPToolExecutor:485f3fcbbc95a867", 2)], Groups(findings, "identical-class"));
        Assert.Equal([("duplicate-mock:MockWebSocketManager", 3)], Groups(findings, "duplicate-mock"));
        Assert.Equal(
            [("manager-proliferation:CacheManager", 1), ("manager-proliferation:SessionManager", 2), ("manager-proliferation:WebSocketManager", 4)],
            Groups(findings, "manager-proliferation"));
        Assert.Equal(["netra_backend/app/services/agent_registry.py:43", "netra_backend/app/services/agent_registry.py:49", "netra_backend/app/services/agent_registry.py:56"],
            findings.Where(f => f.Rule == "singleton").Select(f => f.Location));
        Assert.Equal(0, JsonDocument.Parse(result.Stdout).RootElement.GetProperty("files").GetProperty("failed").GetInt32());
    }

    private static IEnumerable<(string, int)> Groups(IEnumerable<ScanFinding> findings, string rule) =>
        findings.Where(f => f.Rule == rule).GroupBy(f => f.Group!).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count()));
}
