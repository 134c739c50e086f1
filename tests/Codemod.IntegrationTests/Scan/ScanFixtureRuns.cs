using System.Collections.Concurrent;
using System.Text.Json;
using Codemod.IntegrationTests.Infrastructure;

namespace Codemod.IntegrationTests.Scan;

/// <summary>
/// Scans each folder of fixtures/scan once per test class (real workers), from a temp copy outside git, producing the
/// SARIF on stdout and the JSON report through --write-baseline: both formats from one run.
/// </summary>
public sealed class ScanFixtureRuns : IDisposable
{
    public const string Today = "2026-01-01";

    private readonly ConcurrentDictionary<string, Lazy<Task<ScanOutputs>>> _runs = new(StringComparer.Ordinal);
    private readonly TempDirectory _temp = new();

    public static string FixtureFolder(string name) => Path.Combine(Paths.Fixtures, "scan", name);

    public Task<ScanOutputs> RunAsync(string folder) => _runs.GetOrAdd(folder, f => new Lazy<Task<ScanOutputs>>(() => ScanAsync(f))).Value;

    private async Task<ScanOutputs> ScanAsync(string folder)
    {
        var root = _temp.Combine(folder);
        _temp.CopyFrom(FixtureFolder(folder), folder);
        var report = _temp.Combine(folder + ".report.json");
        var result = await CliHarness.RunAsync(_temp.Path, "scan", root, "--today", Today, "--format", "sarif", "--write-baseline", report);
        Assert.True(File.Exists(report), result.ToString());
        return new ScanOutputs(result, root, File.ReadAllText(report), result.Stdout);
    }

    public void Dispose() => _temp.Dispose();
}

/// <summary>What one scan produced: the CLI result, the scanned root, and the JSON and SARIF texts.</summary>
public sealed record ScanOutputs(CliHarness.CliResult Result, string Root, string Json, string Sarif)
{
    public IReadOnlyList<ScanFinding> Findings => ScanFinding.Parse(Json);

    public IReadOnlyList<ScanFinding> Of(string rule) => [.. Findings.Where(f => f.Rule == rule)];

    public JsonElement Document => JsonDocument.Parse(Json).RootElement;
}

/// <summary>One finding of a JSON report, as a test compares it.</summary>
public sealed record ScanFinding(string Rule, string Path, int Line, int? Column, string? Group, string Scope, string Message, JsonElement Properties)
{
    public string Location => Column is { } c ? $"{Path}:{Line}:{c}" : $"{Path}:{Line}";

    public static IReadOnlyList<ScanFinding> Parse(string json) =>
        [.. JsonDocument.Parse(json).RootElement.GetProperty("findings").EnumerateArray().Select(f => new ScanFinding(
            f.GetProperty("rule").GetString()!,
            f.GetProperty("path").GetString()!,
            f.GetProperty("line").GetInt32(),
            f.GetProperty("column").ValueKind == JsonValueKind.Number ? f.GetProperty("column").GetInt32() : null,
            f.GetProperty("group").GetString(),
            f.GetProperty("scope").GetString()!,
            f.GetProperty("message").GetString()!,
            f.GetProperty("properties").Clone()))];
}
