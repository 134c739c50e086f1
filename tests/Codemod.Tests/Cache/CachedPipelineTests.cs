using System.Collections.Concurrent;
using System.Text;
using Codemod.Core.Cache;
using Codemod.Core.Changes;
using Codemod.Core.Discovery;
using Codemod.Core.Engine;
using Codemod.Core.Settings;
using Codemod.Core.Transform;

namespace Codemod.Tests.Cache;

public sealed class CachedPipelineTests
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoArguments = new Dictionary<string, IReadOnlyList<string>>();

    private static readonly CodemodInfo Upper = new("upper", "upper-cases a marker", "1.0.0", ["marker"], [new CodemodParameter("word", "", null, false, false)], ContextArgs: ["canonical"]);

    /// <summary>A runner that rewrites "marker" to "MARKER" and counts the files it was asked about.</summary>
    private sealed class CountingRunner(Func<string, FileOutcome?>? overrideOutcome = null) : ITransformRunner
    {
        public ConcurrentBag<string> Transformed { get; } = [];

        public int PrefilterCalls;

        public Task<IReadOnlyDictionary<string, string>> GetVersionsAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<CodemodInfo>> ListCodemodsAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<string>> PrefilterForAsync(string codemod, IReadOnlyDictionary<string, IReadOnlyList<string>> arguments, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref PrefilterCalls);
            return Task.FromResult<IReadOnlyList<string>>(["marker"]);
        }

        public Task<FileOutcome> TransformAsync(TransformRequest request, CancellationToken cancellationToken)
        {
            Transformed.Add(request.File.RelativePath);
            if (overrideOutcome?.Invoke(request.File.RelativePath) is { } special)
            {
                return Task.FromResult(special);
            }

            var text = Encoding.UTF8.GetString(request.File.Bytes);
            var outcome = new FileOutcome
            {
                Path = request.File.RelativePath,
                Kind = OutcomeKind.Changed,
                OriginalHash = request.File.Hash,
                OriginalBytes = request.File.Bytes,
                NewBytes = Encoding.UTF8.GetBytes(text.Replace("marker", "MARKER", StringComparison.Ordinal)),
                Changes = [new ChangeRecord(1, 0, "upper", "marker -> MARKER")],
                Reviews = [new ChangeRecord(1, 0, "look", "have a look")],
                Breaking = [new BreakingRecord("marker", "use MARKER")],
                Reproducible = true,
            };
            return Task.FromResult(outcome);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class NoGit : IFileLister
    {
        public IReadOnlyList<string>? ListFiles(string root) => null;
    }

    private sealed record Setup(TempFolder Project, TempFolder CacheFolder) : IDisposable
    {
        public RunSettings Settings => new() { Root = Project.Path, Jobs = 2 };

        public ResultCacheScope Scope(string fingerprint = "runtime-1") => new(new FileResultCache(CacheFolder.Path, FileResultCache.DefaultMaxBytes), fingerprint);

        public void Dispose()
        {
            Project.Dispose();
            CacheFolder.Dispose();
        }
    }

    private static Setup NewProject()
    {
        var project = new TempFolder();
        project.Write("pkg/a.py", "x = 'marker'\n");
        project.Write("pkg/b.py", "y = 'marker'  # b\n");
        project.Write("pkg/none.py", "z = 1\n");
        project.Write("canonical.py", "class C: pass\n");
        return new Setup(project, new TempFolder());
    }

    private static async Task<(ChangeSet Changes, CountingRunner Runner)> RunAsync(
        Setup setup,
        ResultCacheScope? scope,
        CodemodInfo? codemod = null,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? arguments = null,
        Func<string, FileOutcome?>? overrideOutcome = null)
    {
        var runner = new CountingRunner(overrideOutcome);
        var changes = await new CodemodPipeline(runner, new NoGit(), scope).RunAsync(setup.Settings, codemod ?? Upper, arguments ?? NoArguments, null, CancellationToken.None);
        return (changes, runner);
    }

    [Fact]
    public async Task An_unchanged_rerun_answers_every_file_from_the_cache_with_the_same_outcomes()
    {
        using var setup = NewProject();
        var (first, firstRunner) = await RunAsync(setup, setup.Scope());

        var (second, secondRunner) = await RunAsync(setup, setup.Scope());

        Assert.Equal(2, firstRunner.Transformed.Count);
        Assert.Empty(secondRunner.Transformed);
        Assert.Equal(first.Files.Select(Describe), second.Files.Select(Describe));
        var a = second.Files.Single(f => f.Path == "pkg/a.py");
        Assert.Equal("x = 'MARKER'\n", Encoding.UTF8.GetString(a.NewBytes!));
        Assert.Equal(File.ReadAllBytes(Path.Combine(setup.Project.Path, "pkg/a.py")), a.OriginalBytes);
        Assert.NotNull(a.OriginalHash);
    }

    [Fact]
    public async Task After_editing_one_file_only_that_file_goes_to_a_worker()
    {
        using var setup = NewProject();
        await RunAsync(setup, setup.Scope());
        setup.Project.Write("pkg/b.py", "y = 'marker'  # edited\n");

        var (changes, runner) = await RunAsync(setup, setup.Scope());

        Assert.Equal(["pkg/b.py"], runner.Transformed);
        Assert.Equal("y = 'MARKER'  # edited\n", Encoding.UTF8.GetString(changes.Files.Single(f => f.Path == "pkg/b.py").NewBytes!));
    }

    [Fact]
    public async Task A_moved_file_with_the_same_bytes_is_a_miss_because_codemods_read_the_path()
    {
        using var setup = NewProject();
        await RunAsync(setup, setup.Scope());
        File.Move(Path.Combine(setup.Project.Path, "pkg/b.py"), Path.Combine(setup.Project.Path, "pkg/c.py"));

        var (_, runner) = await RunAsync(setup, setup.Scope());

        Assert.Equal(["pkg/c.py"], runner.Transformed);
    }

    public static TheoryData<string> KeyComponents => ["codemod name", "codemod version", "arguments", "context module", "runtime fingerprint"];

    [Theory]
    [MemberData(nameof(KeyComponents))]
    public async Task Changing_one_key_component_sends_every_file_to_the_workers_again(string component)
    {
        using var setup = NewProject();
        var canonical = new Dictionary<string, IReadOnlyList<string>> { ["canonical"] = ["canonical.C"] };
        await RunAsync(setup, setup.Scope(), Upper, canonical);

        var (codemod, arguments, fingerprint) = component switch
        {
            "codemod name" => (Upper with { Name = "upper-2" }, canonical, "runtime-1"),
            "codemod version" => (Upper with { Version = "1.0.1" }, canonical, "runtime-1"),
            "arguments" => (Upper, new Dictionary<string, IReadOnlyList<string>>(canonical) { ["word"] = ["other"] }, "runtime-1"),
            "context module" => (Upper, canonical, "runtime-1"),
            _ => (Upper, canonical, "runtime-2"),
        };
        if (component == "context module")
        {
            setup.Project.Write("canonical.py", "class C:\n    pass\n");
        }

        var (_, runner) = await RunAsync(setup, setup.Scope(fingerprint), codemod, arguments);

        Assert.Equal(["pkg/a.py", "pkg/b.py"], runner.Transformed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Timeouts_and_crashes_are_never_cached()
    {
        using var setup = NewProject();
        var timedOut = FileOutcome.Fail("pkg/a.py", "timed out after 60 s (--timeout); the worker was killed and restarted");
        await RunAsync(setup, setup.Scope(), overrideOutcome: p => p == "pkg/a.py" ? timedOut : null);

        var (changes, runner) = await RunAsync(setup, setup.Scope());

        Assert.Equal(["pkg/a.py"], runner.Transformed);
        Assert.Equal(OutcomeKind.Changed, changes.Files.Single(f => f.Path == "pkg/a.py").Kind);
    }

    [Fact]
    public async Task A_reproducible_failure_such_as_a_syntax_error_is_cached_with_its_line()
    {
        using var setup = NewProject();
        var syntax = FileOutcome.Fail("pkg/a.py", "syntax error at line 1, column 0: invalid syntax", 1) with { Reproducible = true };
        await RunAsync(setup, setup.Scope(), overrideOutcome: p => p == "pkg/a.py" ? syntax : null);

        var (changes, runner) = await RunAsync(setup, setup.Scope());

        Assert.DoesNotContain("pkg/a.py", runner.Transformed);
        var failed = changes.Files.Single(f => f.Path == "pkg/a.py");
        Assert.Equal((OutcomeKind.Failed, syntax.Reason, 1), (failed.Kind, failed.Reason, failed.Line));
    }

    [Fact]
    public async Task Argument_dependent_prefilter_tokens_are_cached_too()
    {
        using var setup = NewProject();
        var codemod = Upper with { PrefilterFromArgs = true };
        var (_, first) = await RunAsync(setup, setup.Scope(), codemod);

        var (_, second) = await RunAsync(setup, setup.Scope(), codemod);

        Assert.Equal((1, 0), (first.PrefilterCalls, second.PrefilterCalls));
    }

    [Fact]
    public async Task A_corrupt_entry_is_a_miss_and_the_file_is_transformed_again()
    {
        using var setup = NewProject();
        await RunAsync(setup, setup.Scope());
        foreach (var entry in Directory.EnumerateFiles(setup.CacheFolder.Path, "*.entry", SearchOption.AllDirectories))
        {
            File.WriteAllBytes(entry, File.ReadAllBytes(entry)[..50]);
        }

        var (changes, runner) = await RunAsync(setup, setup.Scope());

        Assert.Equal(2, runner.Transformed.Count);
        Assert.Equal(2, changes.Totals.Changed);
    }

    private static string Describe(FileOutcome f) =>
        $"{f.Path} {f.Kind} {f.Reason} {f.Line} {Convert.ToBase64String(f.NewBytes ?? [])} {string.Join(';', f.Changes)} {string.Join(';', f.Reviews)} {string.Join(';', f.Breaking)}";
}
