using Codemod.Core.Scan;

namespace Codemod.Core.Planning;

/// <summary>
/// Environment access: <c>env-to-isolated</c> over the top-level folders whose production code has accesses that
/// codemod rewrites (the scan predicts its rewrites exactly), then <c>env-in-tests</c> over the folders of test files
/// that patch <c>os.environ</c>.
/// </summary>
internal static class EnvStepPlanner
{
    private const string PatchDict = "patch-dict-environ";

    // A production folder may hold tests: the production step leaves them to env-in-tests.
    private static readonly string[] TestGlobs = ["**/tests/**", "**/test/**", "**/test_*.py", "**/*_test.py", "**/conftest.py"];

    public static List<StepDraft> Plan(IReadOnlyList<FileScan> files)
    {
        var steps = new List<StepDraft>();
        var scanned = files.Where(f => f.Facts is { Allowed: false }).ToList();
        var production = scanned.Where(f => !f.Facts!.IsTest && f.Facts.EnvAccesses.Any(a => a.Rewritable)).ToList();
        if (production.Count > 0)
        {
            var paths = Folders(production);
            var mixed = scanned.Any(f => f.Facts!.IsTest && f.Facts.EnvAccesses.Count > 0 && Under(f.Path, paths));
            var step = new SuggestedStep
            {
                Codemod = "env-to-isolated",
                Paths = paths,
                Exclude = mixed ? TestGlobs : [],
                Comments = [
                    $"production code reads the environment only through the isolated environment ({production.Count} files with rewritable accesses)",
                    "  accesses that could change behaviour (os.environ[k] reads, iteration, passing os.environ on) stay for review",
                ],
            };
            steps.Add(new StepDraft(step, (path, facts) => facts.IsTest || facts.Allowed || !Under(path, paths)
                ? facts
                : facts with { EnvAccesses = [.. facts.EnvAccesses.Where(a => !a.Rewritable)] }));
        }

        var tests = scanned.Where(f => f.Facts!.IsTest && f.Facts.EnvAccesses.Any(a => a.Form == PatchDict)).ToList();
        if (tests.Count > 0)
        {
            var paths = Folders(tests);
            var step = new SuggestedStep
            {
                Codemod = "env-in-tests",
                Paths = paths,
                Comments = [$"tests stop patching os.environ and use the isolated environment's fixtures ({tests.Count} files)"],
                AtMost = true,
            };
            steps.Add(new StepDraft(step, (path, facts) => !facts.IsTest || !Under(path, paths)
                ? facts
                : facts with { EnvAccesses = [.. facts.EnvAccesses.Where(a => a.Form != PatchDict)] }));
        }

        return steps;
    }

    /// <summary>The top-level folder of each file (a file at the root stands for itself), sorted.</summary>
    private static List<string> Folders(IEnumerable<FileScan> files) =>
        [.. files.Select(f => f.Path.Contains('/') ? f.Path[..f.Path.IndexOf('/')] : f.Path).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static bool Under(string path, IReadOnlyList<string> paths) =>
        paths.Any(p => path == p || path.StartsWith(p + "/", StringComparison.Ordinal));
}
