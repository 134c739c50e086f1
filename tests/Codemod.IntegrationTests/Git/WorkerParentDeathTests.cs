using Codemod.IntegrationTests.Infrastructure;

namespace Codemod.IntegrationTests.Git;

/// <summary>A worker busy on a file must not outlive the engine when the engine is killed with SIGKILL.</summary>
public sealed class WorkerParentDeathTests
{
    // A codemod that creates the marker file when it reaches a file, then spins on it forever.
    private static string Busy(string marker) => $$"""
        from libcst.codemod import VisitorBasedCodemodCommand

        MARKER = {{System.Text.Json.JsonSerializer.Serialize(marker)}}


        class SpinCommand(VisitorBasedCodemodCommand):
            NAME = "test-spin"
            DESCRIPTION = "Spins forever on every file (for tests)."
            VERSION = "0.1.0"
            PREFILTER = ()

            def visit_Module(self, node):
                open(MARKER, "w").close()
                while True:
                    pass
        """;

    [Theory]
    [InlineData("pythonnet")]
    [InlineData("python")]
    public async Task A_busy_worker_exits_within_seconds_of_its_parent_being_killed(string host)
    {
        // Given the engine with a worker spinning on a file
        using var folder = new TempDirectory();
        folder.Write("project/a.py", "x = 1\n");
        folder.Write("codemods/spin.py", Busy(folder.Combine("spinning")));
        using var cli = CliProcess.Start(folder.Combine("project"), null, "preview", "test-spin", ".", "--codemods", folder.Combine("codemods"), "-j", "1", "--timeout", "600", "--host", host);
        var worker = await WorkerOf(cli.Id, TimeSpan.FromMinutes(1));
        await SpinningAsync(folder.Combine("spinning"), TimeSpan.FromMinutes(1));
        Assert.Contains(host == "pythonnet" ? "Codemod.Worker" : "codemod_worker", File.ReadAllText($"/proc/{worker}/cmdline"), StringComparison.Ordinal);

        // When the engine is killed with SIGKILL
        cli.Signal("KILL");
        await cli.ExitAsync(TimeSpan.FromSeconds(30));

        // Then the worker is gone within a few seconds
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (Alive(worker) && DateTime.UtcNow < until)
        {
            await Task.Delay(100);
        }

        Assert.False(Alive(worker), $"worker {worker} still runs after its parent died");
    }

    private static async Task<int> WorkerOf(int parent, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            foreach (var stat in Directory.EnumerateDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), out _)))
            {
                try
                {
                    var fields = File.ReadAllText(Path.Combine(stat, "stat"));
                    var ppid = int.Parse(fields[(fields.LastIndexOf(')') + 2)..].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
                    if (ppid == parent && IsWorker(File.ReadAllText(Path.Combine(stat, "cmdline"))))
                    {
                        return int.Parse(Path.GetFileName(stat), System.Globalization.CultureInfo.InvariantCulture);
                    }
                }
                catch (IOException)
                {
                    // The process ended while we looked.
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("no worker process started");
    }

    // Either host: the python3 subprocess (-m codemod_worker) or the .NET worker that embeds CPython (Codemod.Worker.dll).
    private static bool IsWorker(string commandLine) =>
        commandLine.Contains("codemod_worker", StringComparison.Ordinal) || commandLine.Contains("Codemod.Worker", StringComparison.Ordinal);

    // The worker spins on the file once its codemod has created the marker (polled: no fixed wait).
    private static async Task SpinningAsync(string marker, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (!File.Exists(marker))
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException("the worker never reached the file");
            }

            await Task.Delay(50);
        }
    }

    private static bool Alive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }
}
