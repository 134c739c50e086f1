using System.Text;
using Codemod.Core.Files;
using Codemod.Core.Transform;
using Codemod.IntegrationTests.Infrastructure;
using Codemod.Python;

namespace Codemod.IntegrationTests.Engine;

/// <summary>
/// A warm pool taken over by another command (<see cref="WorkerPools"/>) answers exactly as new workers started for
/// that command would: its working folder, its codemod folders, nothing left of the last command's codemods.
/// </summary>
public sealed class WorkerTakeoverTests
{
    // The same module names in both folders: `probe` (the codemod) imports `_probe_label` by name from its own folder,
    // and `probe_parts.marker_file` from a namespace package (a folder without __init__.py) there.
    private const string Probe = """
        import os

        import libcst as cst
        from libcst.codemod import VisitorBasedCodemodCommand

        from _probe_label import LABEL
        from probe_parts.marker_file import MARKER_FILE


        class ProbeCommand(VisitorBasedCodemodCommand):
            NAME = "test-probe"
            DESCRIPTION = "Replaces the file with what the worker sees (for tests)."
            VERSION = "0.1.0"
            PREFILTER = ()

            def leave_Module(self, original_node, updated_node):
                with open(MARKER_FILE, encoding="utf-8") as handle:
                    marker = handle.read().strip()
                return cst.parse_module(f"SEEN = {(LABEL, marker, os.getpid())!r}\n")
        """;

    private const string OnlyInA = """
        from libcst.codemod import VisitorBasedCodemodCommand


        class OnlyInACommand(VisitorBasedCodemodCommand):
            NAME = "test-only-in-a"
            DESCRIPTION = "Exists in the first command's folder only."
            VERSION = "0.1.0"
            PREFILTER = ()
        """;

    [Theory]
    [InlineData(WorkerHostKind.Python)]
    [InlineData(WorkerHostKind.Pythonnet)]
    public async Task Taken_over_worker_answers_from_the_new_commands_folders_in_the_same_process(WorkerHostKind host)
    {
        using var dir = new TempDirectory();
        dir.Write("codemods-a/probe.py", Probe);
        dir.Write("codemods-a/_probe_label.py", "LABEL = 'codemods a'\n");
        dir.Write("codemods-a/probe_parts/marker_file.py", "MARKER_FILE = 'marker.txt'\n");
        dir.Write("codemods-a/only_in_a.py", OnlyInA);
        dir.Write("codemods-b/probe.py", Probe);
        dir.Write("codemods-b/_probe_label.py", "LABEL = 'codemods b'\n");
        dir.Write("codemods-b/probe_parts/marker_file.py", "MARKER_FILE = 'marker-b.txt'\n");
        dir.Write("project-a/marker.txt", "project a\n");
        dir.Write("project-b/marker-b.txt", "project b\n");
        await using var pools = new WorkerPools();

        var first = Settings(host, dir.Combine("codemods-a"), dir.Combine("project-a"));
        var pool = pools.Rent(first);
        Assert.Contains(await pool.ListCodemodsAsync(CancellationToken.None), c => c.Name == "test-only-in-a");
        var (labelA, markerA, pidA) = await SeenAsync(pool);
        await pools.ReturnAsync(pool);

        var second = Settings(host, dir.Combine("codemods-b"), dir.Combine("project-b"));
        var taken = pools.Rent(second);
        Assert.Same(pool, taken);
        Assert.DoesNotContain(await taken.ListCodemodsAsync(CancellationToken.None), c => c.Name == "test-only-in-a");
        var (labelB, markerB, pidB) = await SeenAsync(taken);
        await pools.ReturnAsync(taken);

        Assert.Equal(("codemods a", "project a"), (labelA, markerA));
        Assert.Equal(("codemods b", "project b"), (labelB, markerB));
        Assert.Equal(pidA, pidB);
    }

    [Fact]
    public async Task Pool_returned_with_a_request_under_way_is_shut_down_not_kept()
    {
        using var dir = new TempDirectory();
        dir.Write("codemods/sleepy.py", """
            import time

            from libcst.codemod import VisitorBasedCodemodCommand


            class SleepyCommand(VisitorBasedCodemodCommand):
                NAME = "test-sleepy"
                DESCRIPTION = "Takes two seconds per file (for tests)."
                VERSION = "0.1.0"
                PREFILTER = ()

                def visit_Module(self, node):
                    time.sleep(2)
            """);
        await using var pools = new WorkerPools();
        var settings = Settings(WorkerHostKind.Python, dir.Combine("codemods"), dir.Path);
        var pool = pools.Rent(settings);
        var file = SourceFile.FromBytes("x.py", "x.py", "x = 1\n"u8.ToArray());
        var request = new TransformRequest(file, "test-sleepy", new Dictionary<string, IReadOnlyList<string>>(), new Dictionary<string, byte[]>());
        await pool.ListCodemodsAsync(CancellationToken.None);

        var underWay = pool.TransformAsync(request, CancellationToken.None);
        await pools.ReturnAsync(pool);

        Assert.NotSame(pool, pools.Rent(settings));
        await underWay.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private static PythonSettings Settings(WorkerHostKind host, string codemods, string project) =>
        new("python3", [PythonSettings.BundledCodemodDirectory, codemods], TimeSpan.FromSeconds(60), 1) { WorkingDirectory = project, Host = host };

    private static async Task<(string Label, string Marker, int Pid)> SeenAsync(WorkerPool pool)
    {
        var file = SourceFile.FromBytes("x.py", "x.py", "x = 1\n"u8.ToArray());
        var outcome = await pool.TransformAsync(new TransformRequest(file, "test-probe", new Dictionary<string, IReadOnlyList<string>>(), new Dictionary<string, byte[]>()), CancellationToken.None);
        var seen = Encoding.UTF8.GetString(outcome.NewBytes ?? throw new Xunit.Sdk.XunitException(outcome.ToString()));
        var parts = seen["SEEN = (".Length..seen.LastIndexOf(')')].Split(", ");
        return (parts[0].Trim('\''), parts[1].Trim('\''), int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture));
    }
}
