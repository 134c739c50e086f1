using System.Text.Json;
using Codemod.IntegrationTests.Infrastructure;
using Json.Schema;

namespace Codemod.IntegrationTests.Schemas;

/// <summary>The JSON Schemas of docs/schemas, built once with their cross-file references resolved.</summary>
public static class DocumentSchemas
{
    // Referenced schemas first: history and plan-report point into changeset, rollback into history.
    private static readonly string[] Names = ["changeset", "scan-report", "baseline", "mro", "history", "plan-report", "rollback", "list", "config", "cache-info"];

    private static readonly Lazy<IReadOnlyDictionary<string, JsonSchema>> Built = new(() =>
    {
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        return Names.ToDictionary(n => n, n => JsonSchema.FromFile(Path.Combine(Paths.RepositoryRoot, "docs", "schemas", n + ".schema.json"), options));
    });

    /// <summary>Fails with every violation (instance location and message) when <paramref name="json"/> does not match <paramref name="schema"/>.</summary>
    public static void AssertValid(string schema, string json)
    {
        using var document = JsonDocument.Parse(json);
        var result = Built.Value[schema].Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var problems = (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}"))
            .ToList();
        Assert.True(result.IsValid, $"{schema}.schema.json rejects the output:\n{string.Join('\n', problems)}\n{json[..Math.Min(json.Length, 2000)]}");
    }
}
