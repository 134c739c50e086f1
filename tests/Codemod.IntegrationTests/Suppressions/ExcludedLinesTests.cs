using System.Text;
using Codemod.Core.Changes;
using Codemod.Core.Files;
using Codemod.Core.Transform;
using Codemod.IntegrationTests.Infrastructure;
using Codemod.Processes;

namespace Codemod.IntegrationTests.Suppressions;

/// <summary>
/// <see cref="TransformRequest.ExcludedLines"/> through the real worker pool: the excluded sites stay as they are and are
/// reported as suppressed ("excluded"), the imports follow the sites really rewritten, and the result compiles.
/// </summary>
public sealed class ExcludedLinesTests(WorkerPoolFixture workers) : IClassFixture<WorkerPoolFixture>
{
    private const string Source = "import os\n\nDEBUG = os.environ.get(\"DEBUG\")\nHOME = os.getenv(\"HOME\")\n";

    [Fact]
    public async Task Excluding_one_of_two_sites_rewrites_the_other_and_keeps_import_os()
    {
        // Given a file with two environment reads, line 3 excluded
        using var dir = new TempDirectory();

        // When env-to-isolated runs on it
        var outcome = await TransformAsync(dir, [3]);

        // Then line 4 is rewritten, line 3 is left exactly as it was and reported as excluded
        Assert.True(outcome.Kind == OutcomeKind.Changed, $"{outcome.Kind}: {outcome.Reason}");
        var text = Encoding.UTF8.GetString(outcome.NewBytes!);
        Assert.Equal(
            "import os\nfrom shared.isolated_environment import get_env\n\nDEBUG = os.environ.get(\"DEBUG\")\nHOME = get_env().get(\"HOME\")\n",
            text);
        Assert.Equal([(4, "getenv")], outcome.Changes.Select(c => (c.Line, c.Kind)));
        Assert.Equal([(3, "environ-get", SuppressedRecord.Excluded)], outcome.Suppressed.Select(s => (s.Line, s.Kind, s.Reason)));

        // And the result imports and runs under Python (os still bound for the excluded site, get_env for the other)
        dir.Write("app/settings.py", text);
        dir.Write("shared/isolated_environment.py", "import os\n\n\ndef get_env():\n    return os.environ\n");
        var run = ProcessRunner.Run(new ProcessRequest("python3", ["-c", "import app.settings"]) { WorkingDirectory = dir.Path });
        Assert.True(run.Succeeded, run.CombinedOutput + run.StandardError);
    }

    [Fact]
    public async Task Excluding_every_site_leaves_the_file_unchanged_with_two_suppressed()
    {
        // Given the same file with both sites excluded
        using var dir = new TempDirectory();

        // When env-to-isolated runs on it
        var outcome = await TransformAsync(dir, [3, 4]);

        // Then nothing changes (no get_env import added) and both sites are reported
        Assert.True(outcome.Kind == OutcomeKind.Unchanged, $"{outcome.Kind}: {outcome.Reason}");
        Assert.Null(outcome.NewBytes);
        Assert.Empty(outcome.Changes);
        Assert.Equal([(3, SuppressedRecord.Excluded), (4, SuppressedRecord.Excluded)], outcome.Suppressed.Select(s => (s.Line, s.Reason)));
    }

    private Task<FileOutcome> TransformAsync(TempDirectory dir, int[] excluded) =>
        workers.Pool.TransformAsync(
            new TransformRequest(SourceFile.FromBytes("app/settings.py", dir.Combine("app/settings.py"), Encoding.UTF8.GetBytes(Source)),
                "env-to-isolated", new Dictionary<string, IReadOnlyList<string>>(), new Dictionary<string, byte[]>())
            {
                ExcludedLines = excluded.ToHashSet(),
            },
            CancellationToken.None);
}
