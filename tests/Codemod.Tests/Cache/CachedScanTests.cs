using System.Collections.Concurrent;
using Codemod.Core.Cache;
using Codemod.Core.Discovery;
using Codemod.Core.Files;
using Codemod.Core.Scan;
using Codemod.Core.Settings;

namespace Codemod.Tests.Cache;

public sealed class CachedScanTests
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoArguments = new Dictionary<string, IReadOnlyList<string>>();

    private sealed class CountingScanner : IScanRunner
    {
        public ConcurrentBag<string> Scanned { get; } = [];

        public Task<FileScan> ScanAsync(SourceFile file, IReadOnlyDictionary<string, IReadOnlyList<string>> arguments, CancellationToken cancellationToken)
        {
            Scanned.Add(file.RelativePath);
            if (file.RelativePath.Contains("broken", StringComparison.Ordinal))
            {
                return Task.FromResult(FileScan.Failed(file.RelativePath, "syntax error at line 2: expected ':'", 2) with { Reproducible = true });
            }

            var facts = new FileFacts
            {
                Module = file.RelativePath.Replace(".py", string.Empty, StringComparison.Ordinal),
                Package = string.Empty,
                EnvAccesses = [new EnvAccessFact(1, 4, "getenv", true)],
                Classes = [new ClassFact { Name = "Manager", Line = 3, Bases = ["Base"], Fingerprint = "f1", Methods = ["run"] }],
                Imports = [new ImportFact(ImportKind.From, "os", "environ", null, 1, true)],
                Singletons = [new SingletonFact(5, "manager", "instance", "Manager")],
                Shims = [new ShimFact(7, "Old", "pkg.New", "2027-01-01")],
                AllNames = ["Manager"],
            };
            return Task.FromResult(FileScan.Scanned(file.RelativePath, facts) with { Reproducible = true });
        }
    }

    private sealed class NoGit : IFileLister
    {
        public IReadOnlyList<string>? ListFiles(string root) => null;
    }

    private static async Task<(ProjectScan Scan, CountingScanner Scanner)> ScanAsync(TempFolder project, TempFolder cache, IReadOnlyDictionary<string, IReadOnlyList<string>>? arguments = null)
    {
        var scanner = new CountingScanner();
        var scope = new ResultCacheScope(new FileResultCache(cache.Path, FileResultCache.DefaultMaxBytes), "runtime-1");
        var scan = await new ScanPipeline(scanner, new NoGit(), scope).RunAsync(new RunSettings { Root = project.Path, Jobs = 2 }, arguments ?? NoArguments, null, CancellationToken.None);
        return (scan, scanner);
    }

    [Fact]
    public async Task An_unchanged_rescan_reads_every_fact_back_from_the_cache()
    {
        using var project = new TempFolder();
        using var cache = new TempFolder();
        project.Write("a.py", "import os\n");
        project.Write("broken.py", "def f(\n");
        var (first, _) = await ScanAsync(project, cache);

        var (second, scanner) = await ScanAsync(project, cache);

        Assert.Empty(scanner.Scanned);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(first.Files), System.Text.Json.JsonSerializer.Serialize(second.Files));
        Assert.Equal((ScanOutcomeKind.Failed, 2), (second.Files[1].Kind, second.Files[1].Line));
    }

    [Fact]
    public async Task A_rescan_with_other_arguments_or_an_edited_file_goes_back_to_the_workers()
    {
        using var project = new TempFolder();
        using var cache = new TempFolder();
        project.Write("a.py", "import os\n");
        project.Write("b.py", "import sys\n");
        await ScanAsync(project, cache);
        project.Write("b.py", "import sys, os\n");

        var (_, edited) = await ScanAsync(project, cache);
        var (_, allowed) = await ScanAsync(project, cache, new Dictionary<string, IReadOnlyList<string>> { ["allow"] = ["a.py"] });

        Assert.Equal(["b.py"], edited.Scanned);
        Assert.Equal(["a.py", "b.py"], allowed.Scanned.Order(StringComparer.Ordinal));
    }
}
