using System.Text.Json;

namespace Codemod.IntegrationTests.Goldens;

/// <summary>
/// One golden case folder: fixtures/codemods/&lt;codemod&gt;/&lt;case&gt;/ with before.py, after.py (absent: must stay
/// unchanged), args.json ({"path", "args", "context"}) and expect.json ({"outcome", "reason", "changes", "reviews", "suppressed": [[line, kind, reason]]}).
/// </summary>
public sealed record GoldenCase(string Codemod, string Name, string Directory)
{
    public override string ToString() => $"{Codemod}/{Name}";

    public string BeforePath => Path.Combine(Directory, "before.py");

    public string AfterPath => Path.Combine(Directory, "after.py");

    public string ReceivedPath => Path.Combine(Directory, "after.received.py");

    public JsonElement? Spec => ReadJson("args.json");

    public JsonElement? Expect => ReadJson("expect.json");

    public string VirtualPath => Spec?.TryGetProperty("path", out var p) == true ? p.GetString()! : "app/module.py";

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Arguments =>
        Spec?.TryGetProperty("args", out var args) == true
            ? args.EnumerateObject().ToDictionary(
                a => a.Name,
                a => (IReadOnlyList<string>)(a.Value.ValueKind == JsonValueKind.Array ? [.. a.Value.EnumerateArray().Select(v => v.GetString()!)] : [a.Value.GetString()!]))
            : new Dictionary<string, IReadOnlyList<string>>();

    public IReadOnlyDictionary<string, byte[]> ContextModules =>
        Spec?.TryGetProperty("context", out var context) == true
            ? context.EnumerateObject().ToDictionary(c => c.Name, c => File.ReadAllBytes(Path.Combine(Directory, c.Value.GetString()!)))
            : new Dictionary<string, byte[]>();

    public static IEnumerable<GoldenCase> All(string fixturesRoot) =>
        System.IO.Directory.EnumerateDirectories(Path.Combine(fixturesRoot, "codemods"))
            .SelectMany(codemod => System.IO.Directory.EnumerateDirectories(codemod)
                .Where(d => File.Exists(Path.Combine(d, "before.py")))
                .Select(d => new GoldenCase(Path.GetFileName(codemod), Path.GetFileName(d), d)))
            .OrderBy(c => c.ToString(), StringComparer.Ordinal);

    private JsonElement? ReadJson(string name)
    {
        var path = Path.Combine(Directory, name);
        return File.Exists(path) ? JsonDocument.Parse(File.ReadAllBytes(path)).RootElement : null;
    }
}
