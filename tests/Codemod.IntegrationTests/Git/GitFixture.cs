using Codemod.IntegrationTests.Infrastructure;

namespace Codemod.IntegrationTests.Git;

/// <summary>A small committed repository that env-to-isolated and the test codemods have work in.</summary>
internal static class GitFixture
{
    public const string A = "pkg/a.py";
    public const string B = "pkg/b.py";
    public const string Models = "pkg/models.py";
    public const string Readme = "README.md";

    public static readonly string ASource = "import os\n\nHOST = os.environ.get(\"HOST\", \"localhost\")\nPORT = os.getenv(\"PORT\")\n";
    public static readonly string BSource = "import os\n\nDEBUG = os.environ.get(\"DEBUG\")\nTOKEN = os.environ[\"TOKEN\"]\n";
    public static readonly string ModelsSource = "class Alpha:\n    pass\n\n\nclass Gamma:\n    pass\n";

    public static TempRepo Create() => TempRepo.Create(new Dictionary<string, string>
    {
        ["pkg/__init__.py"] = string.Empty,
        [A] = ASource,
        [B] = BSource,
        [Models] = ModelsSource,
        [Readme] = "sample\n",
        [".gitignore"] = "__pycache__/\n",
    });

    /// <summary>The clock most tests run at: run ids start with <c>20261121T153012Z-</c>.</summary>
    public static ManualClock Clock() => ManualClock.At("2026-11-21T15:30:12Z");

    public static Task<CliHarness.CliResult> ApplyCommitAsync(TempRepo repo, TimeProvider clock, params string[] extra) =>
        CliHarness.RunAsync(repo.Path, clock, ["apply", "env-to-isolated", "--commit", "-j", "1", .. extra]);

    /// <summary>The id of the only run recorded in the repository, read from its tags.</summary>
    public static string OnlyRunId(TempRepo repo) => repo.Tags.Single(t => t.EndsWith("/before", StringComparison.Ordinal)).Split('/')[1];
}
