using System.Text.Json;
using Codemod.IntegrationTests.Infrastructure;

namespace Codemod.IntegrationTests.Engine;

/// <summary>The result cache end to end: real workers, a real cache folder, and an interpreter that logs how it is started.</summary>
[LongRunning]
public sealed class ResultCacheTests
{
    private const string EnvRead = "import os\n\nTIMEOUT = os.environ.get(\"TIMEOUT\", \"30\")\n";

    /// <summary>A project, a cache folder and a `python3` wrapper that appends each command line it runs to a log.</summary>
    private sealed class Setup : IDisposable
    {
        private readonly TempDirectory _tools = new();

        public Setup()
        {
            Project.Write("app/settings.py", EnvRead);
            Project.Write("app/other.py", "import os\nURL = os.environ[\"DATABASE_URL\"]\n");
            Project.Write("app/crlf.py", "import os\r\nX = os.getenv(\"X\")\r\n");
            Project.Write("app/quiet.py", "print('no environment here')\n");
            Python = _tools.Write("python-logged", $"#!/bin/sh\necho \"$*\" | head -c 200 >> '{_tools.Combine("log")}'\necho >> '{_tools.Combine("log")}'\nexec python3 \"$@\"\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(Python, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        public TempDirectory Project { get; } = new();

        public TempDirectory Cache { get; } = new();

        public string Python { get; }

        /// <summary>How many workers the runs since the last call started.</summary>
        public int WorkersStarted()
        {
            var log = _tools.Combine("log");
            var count = File.Exists(log) ? File.ReadAllLines(log).Count(l => l.Contains("-m codemod_worker", StringComparison.Ordinal)) : 0;
            File.Delete(log);
            return count;
        }

        public Task<CliHarness.CliResult> RunAsync(params string[] args) =>
            // The subprocess host: the logging wrapper sees each worker start only when it is the worker (the cache is host-independent).
            // Workers of its own: warm ones taken over from an earlier run would hide whether this run needed one.
            // One worker unless a test asks for more: a second costs a second of CPU and proves nothing here.
            CliHarness.RunWithOwnWorkersAsync(Project.Path, [.. args, "--python", Python, "--host", "python", "--cache-dir", Cache.Path, .. (args.Contains("-j") ? Array.Empty<string>() : ["-j", "1"])]);

        public void Dispose()
        {
            Project.Dispose();
            Cache.Dispose();
            _tools.Dispose();
        }
    }

    [Fact]
    public async Task An_unchanged_preview_rerun_starts_no_worker_and_prints_the_same_patch()
    {
        // Given a preview that filled the cache
        using var setup = new Setup();
        var first = await setup.RunAsync("preview", "env-to-isolated", ".", "--format", "patch");
        Assert.True(setup.WorkersStarted() > 0, first.ToString());

        // When the same preview runs again on the unchanged tree
        var second = await setup.RunAsync("preview", "env-to-isolated", ".", "--format", "patch");

        // Then every file is answered from the cache: no worker starts, and the output is byte-identical (CRLF included)
        Assert.Equal(0, setup.WorkersStarted());
        Assert.Equal(first.ExitCode, second.ExitCode);
        Assert.Equal(first.StdoutBytes, second.StdoutBytes);
        Assert.Contains("\r\n", second.Stdout, StringComparison.Ordinal);
        Assert.Equal(first.Stderr.Split('\n').Skip(1), second.Stderr.Split('\n').Skip(1));
    }

    [Fact]
    public async Task After_editing_one_file_only_that_file_needs_a_worker()
    {
        using var setup = new Setup();
        await setup.RunAsync("preview", "env-to-isolated", ".");
        setup.WorkersStarted();
        setup.Project.Write("app/other.py", "import os\nURL = os.environ.get(\"DATABASE_URL\")\n");

        // Two workers allowed: had more than one file gone to a worker, a second would have started.
        var result = await setup.RunAsync("preview", "env-to-isolated", ".", "--format", "json", "-j", "2");

        Assert.Equal(1, setup.WorkersStarted());
        using var json = JsonDocument.Parse(result.StdoutBytes);
        Assert.Equal(3, json.RootElement.GetProperty("totals").GetProperty("changed").GetInt32());
    }

    [Fact]
    public async Task An_unchanged_scan_rerun_starts_no_worker_and_reports_the_same_findings()
    {
        using var setup = new Setup();
        setup.Project.Write("app/broken.py", "def f(:\n    pass\n");
        var first = await setup.RunAsync("scan", ".", "--format", "json", "--today", "2026-01-01");
        setup.WorkersStarted();

        var second = await setup.RunAsync("scan", ".", "--format", "json", "--today", "2026-01-01");

        Assert.Equal(0, setup.WorkersStarted());
        Assert.Equal(1, second.ExitCode);
        Assert.Equal(first.StdoutBytes, second.StdoutBytes);
    }

    [Fact]
    public async Task Editing_a_helper_in_a_codemods_folder_invalidates_the_cached_outcomes()
    {
        using var setup = new Setup();
        using var extra = new TempDirectory();
        extra.Write("_helper.py", "VALUE = 1\n");
        await setup.RunAsync("preview", "env-to-isolated", ".", "--codemods", extra.Path);
        setup.WorkersStarted();

        extra.Write("_helper.py", "VALUE = 2\n");
        await setup.RunAsync("preview", "env-to-isolated", ".", "--codemods", extra.Path);

        Assert.True(setup.WorkersStarted() > 0);
    }

    [Fact]
    public async Task Two_runs_at_once_on_one_cache_folder_agree_and_leave_it_usable()
    {
        using var setup = new Setup();

        var runs = await Task.WhenAll(
            setup.RunAsync("preview", "env-to-isolated", ".", "--format", "patch"),
            setup.RunAsync("preview", "env-to-isolated", ".", "--format", "patch"));
        setup.WorkersStarted();
        var third = await setup.RunAsync("preview", "env-to-isolated", ".", "--format", "patch");

        Assert.Equal(runs[0].StdoutBytes, runs[1].StdoutBytes);
        Assert.Equal(runs[0].StdoutBytes, third.StdoutBytes);
        Assert.Equal(0, setup.WorkersStarted());
        Assert.Empty(Directory.EnumerateFiles(setup.Cache.Path, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task No_cache_leaves_the_folder_empty_and_cache_clear_empties_a_filled_one()
    {
        using var setup = new Setup();
        await setup.RunAsync("preview", "env-to-isolated", ".", "--no-cache");
        Assert.Empty(Directory.EnumerateFiles(setup.Cache.Path, "*", SearchOption.AllDirectories));

        await setup.RunAsync("preview", "env-to-isolated", ".");
        var filled = await CliHarness.RunAsync(setup.Project.Path, "cache", "info", "--format", "json", "--cache-dir", setup.Cache.Path);
        var cleared = await CliHarness.RunAsync(setup.Project.Path, "cache", "clear", "--cache-dir", setup.Cache.Path);
        var empty = await CliHarness.RunAsync(setup.Project.Path, "cache", "info", "--format", "json", "--cache-dir", setup.Cache.Path);

        using var before = JsonDocument.Parse(filled.StdoutBytes);
        using var after = JsonDocument.Parse(empty.StdoutBytes);
        Assert.True(before.RootElement.GetProperty("entries").GetInt32() >= 3, filled.ToString());
        Assert.Equal(0, after.RootElement.GetProperty("entries").GetInt32());
        Assert.Contains("removed", cleared.Stderr, StringComparison.Ordinal);
    }
}
