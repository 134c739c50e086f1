using System.Text.Json;
using Codemod.IntegrationTests.Infrastructure;

namespace Codemod.IntegrationTests.Engine;

/// <summary>A test that patches a module's <c>os</c> is a review item only when the same run rewrites that module.</summary>
public sealed class PatchedModuleOsTests
{
    [Fact]
    public async Task Patch_of_a_rewritten_modules_os_is_reported_and_patch_of_an_untouched_one_is_not()
    {
        // Given a module env-to-isolated rewrites, one it leaves alone, and a test file patching the os of each
        // (the test file names neither environ nor getenv)
        using var dir = new TempDirectory();
        dir.Write("pkg/__init__.py", "");
        dir.Write("pkg/settings.py", "import os\n\nTIMEOUT = os.environ.get(\"TIMEOUT\", \"30\")\n");
        dir.Write("pkg/paths.py", "import os\n\nHOME = os.path.expanduser(\"~\")\n");
        dir.Write("tests/test_pkg.py", """
            from unittest import mock

            import pkg.paths as paths


            @mock.patch("pkg.settings.os")
            def test_timeout(fake_os):
                pass


            def test_home(monkeypatch):
                monkeypatch.setattr(paths, "os", None)
            """);

        // When previewing as JSON
        var result = await CliHarness.RunAsync(dir.Path, "preview", "env-to-isolated", ".", "--format", "json");

        // Then the patch of pkg.settings.os is a review item at its line, and the patch of pkg.paths.os is not
        using var json = JsonDocument.Parse(result.StdoutBytes);
        var files = json.RootElement.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("path").GetString()!);
        Assert.Equal("changed", files["pkg/settings.py"].GetProperty("outcome").GetString());
        var reviews = files["tests/test_pkg.py"].GetProperty("reviews").EnumerateArray().ToList();
        Assert.Equal(["6:patched-module-os"], reviews.Select(r => $"{r.GetProperty("line").GetInt32()}:{r.GetProperty("kind").GetString()}"));
        Assert.Contains("pkg.settings.os", reviews[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, json.RootElement.GetProperty("totals").GetProperty("reviews").GetInt32());
    }
}
