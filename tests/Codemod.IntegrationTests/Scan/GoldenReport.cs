namespace Codemod.IntegrationTests.Scan;

/// <summary>
/// Byte-exact comparison with fixtures/scan/golden/NAME.EXT after replacing the absolute root (which differs per run)
/// by <c>$ROOT</c>. On mismatch, or when the golden is missing, NAME.received.EXT is written beside it and the test
/// fails: accepting a change is renaming the received file.
/// </summary>
public static class GoldenReport
{
    public const string RootPlaceholder = "$ROOT";

    public static string Folder => Path.Combine(Infrastructure.Paths.Fixtures, "scan", "golden");

    public static void AssertMatches(string name, string extension, string actual, string root)
    {
        var normalised = actual.Replace(root, RootPlaceholder, StringComparison.Ordinal);
        var golden = Path.Combine(Folder, $"{name}.{extension}");
        var received = Path.Combine(Folder, $"{name}.received.{extension}");
        if (File.Exists(golden) && File.ReadAllText(golden) == normalised)
        {
            File.Delete(received);
            return;
        }

        Directory.CreateDirectory(Folder);
        File.WriteAllText(received, normalised);
        Assert.Fail(File.Exists(golden)
            ? $"{name}.{extension} differs from its golden; see {received} (rename it over the golden to accept)"
            : $"no golden {golden} yet; review {received} and rename it to accept");
    }
}
