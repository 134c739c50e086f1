using System.Text.Json;

namespace Codemod.IntegrationTests.Scan;

/// <summary>
/// The parts of the SARIF 2.1.0 schema (and of GitHub code scanning's ingestion rules) the scan's output must satisfy,
/// checked field by field: a failed check names the JSON path that broke it.
/// </summary>
public static class SarifShape
{
    public static void AssertValid(string sarif)
    {
        var root = JsonDocument.Parse(sarif).RootElement;
        Assert.Equal("2.1.0", String(root, "version", "$"));
        Assert.StartsWith("https://", String(root, "$schema", "$"));
        var runs = Array(root, "runs", "$");
        Assert.NotEmpty(runs);
        foreach (var (run, r) in runs.Select((run, i) => (run, i)))
        {
            var path = $"$.runs[{r}]";
            var driver = Object(Object(run, "tool", path), "driver", $"{path}.tool");
            Assert.False(string.IsNullOrEmpty(String(driver, "name", $"{path}.tool.driver")), $"{path}.tool.driver.name is empty");
            Assert.True(Uri.IsWellFormedUriString(String(driver, "informationUri", $"{path}.tool.driver"), UriKind.Absolute), $"{path}.tool.driver.informationUri is not an absolute URI");
            var rules = Array(driver, "rules", $"{path}.tool.driver");
            var ids = rules.Select((rule, i) => String(rule, "id", $"{path}.tool.driver.rules[{i}]")).ToList();
            Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
            foreach (var (rule, i) in rules.Select((rule, i) => (rule, i)))
            {
                var rulePath = $"{path}.tool.driver.rules[{i}]";
                Assert.False(string.IsNullOrEmpty(String(Object(rule, "shortDescription", rulePath), "text", $"{rulePath}.shortDescription")));
                Assert.False(string.IsNullOrEmpty(String(Object(rule, "fullDescription", rulePath), "text", $"{rulePath}.fullDescription")));
                Assert.Contains(String(Object(rule, "defaultConfiguration", rulePath), "level", $"{rulePath}.defaultConfiguration"), Levels);
            }

            foreach (var (result, i) in Array(run, "results", path).Select((result, i) => (result, i)))
            {
                var resultPath = $"{path}.results[{i}]";
                var ruleId = String(result, "ruleId", resultPath);
                Assert.True(ids.Contains(ruleId), $"{resultPath}.ruleId '{ruleId}' is not among tool.driver.rules");
                if (result.TryGetProperty("ruleIndex", out var index))
                {
                    Assert.Equal(ruleId, ids[index.GetInt32()]);
                }

                Assert.Contains(String(result, "level", resultPath), Levels);
                Assert.False(string.IsNullOrEmpty(String(Object(result, "message", resultPath), "text", $"{resultPath}.message")), $"{resultPath}.message.text is empty");
                var locations = Array(result, "locations", resultPath);
                Assert.NotEmpty(locations);
                foreach (var (location, l) in locations.Select((location, l) => (location, l)))
                {
                    AssertPhysicalLocation(location, $"{resultPath}.locations[{l}]");
                }

                if (result.TryGetProperty("relatedLocations", out var related))
                {
                    foreach (var (location, l) in related.EnumerateArray().Select((location, l) => (location, l)))
                    {
                        AssertPhysicalLocation(location, $"{resultPath}.relatedLocations[{l}]");
                    }
                }

                Assert.NotEmpty(Object(result, "partialFingerprints", resultPath).EnumerateObject());
            }
        }
    }

    private static readonly string[] Levels = ["none", "note", "warning", "error"];

    private static void AssertPhysicalLocation(JsonElement location, string path)
    {
        var physical = Object(location, "physicalLocation", path);
        var artifact = Object(physical, "artifactLocation", $"{path}.physicalLocation");
        var uri = String(artifact, "uri", $"{path}.physicalLocation.artifactLocation");
        Assert.True(Uri.IsWellFormedUriString(uri, UriKind.Relative), $"{path}...artifactLocation.uri '{uri}' is not a relative URI");
        Assert.False(uri.StartsWith('/'), $"{path}...artifactLocation.uri '{uri}' is absolute");
        Assert.Equal("%SRCROOT%", String(artifact, "uriBaseId", $"{path}.physicalLocation.artifactLocation"));
        var startLine = Object(physical, "region", $"{path}.physicalLocation").GetProperty("startLine").GetInt32();
        Assert.True(startLine >= 1, $"{path}...region.startLine is {startLine}");
    }

    private static JsonElement Object(JsonElement parent, string name, string path)
    {
        Assert.True(parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object, $"{path}.{name} is missing or not an object");
        return value;
    }

    private static List<JsonElement> Array(JsonElement parent, string name, string path)
    {
        Assert.True(parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array, $"{path}.{name} is missing or not an array");
        return [.. value.EnumerateArray()];
    }

    private static string String(JsonElement parent, string name, string path)
    {
        Assert.True(parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String, $"{path}.{name} is missing or not a string");
        return value.GetString()!;
    }
}
