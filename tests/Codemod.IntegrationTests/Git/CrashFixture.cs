using Codemod.IntegrationTests.Infrastructure;

namespace Codemod.IntegrationTests.Git;

/// <summary>A committed repository whose every file env-to-isolated rewrites, and the checks for "no debris left".</summary>
internal static class CrashFixture
{
    public static TempRepo Create(int files = 6)
    {
        var content = new Dictionary<string, string> { ["pkg/__init__.py"] = string.Empty, [".gitignore"] = "__pycache__/\n" };
        for (var i = 0; i < files; i++)
        {
            content[$"pkg/m{i:D2}.py"] = $"import os\n\nVALUE_{i} = os.environ.get(\"VALUE_{i}\", \"{i}\")\n";
        }

        return TempRepo.Create(content);
    }

    public static Dictionary<string, string> Phase(string phase, string action) => new() { ["CODEMOD_TEST_PHASE"] = $"{phase}:{action}" };

    /// <summary>No temp file in the tree, no journal, message file or lock in the git directory.</summary>
    public static void AssertNoDebris(string root, string? gitDirectory)
    {
        var temps = Directory.EnumerateFiles(root, "*.tmp", SearchOption.AllDirectories).Where(f => f.Contains(".codemod-", StringComparison.Ordinal)).ToList();
        Assert.True(temps.Count == 0, "temp files left: " + string.Join(", ", temps));
        if (gitDirectory is null)
        {
            Assert.False(Directory.Exists(Path.Combine(root, ".codemod")), "the journal folder is left in the root");
            return;
        }

        var journal = Path.Combine(gitDirectory, "codemod-journal");
        Assert.True(!Directory.Exists(journal) || !Directory.EnumerateFileSystemEntries(journal).Any(), "journal left: " + journal);
        Assert.Empty(Directory.EnumerateFiles(gitDirectory, "codemod-commit-*"));
        Assert.False(File.Exists(Path.Combine(gitDirectory, "codemod.lock")), "the repository lock is left");
    }
}
