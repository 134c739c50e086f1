using System.Text;
using Codemod.IntegrationTests.Infrastructure;

namespace Codemod.IntegrationTests.Engine;

/// <summary>
/// Sharded runs merged with <c>apply --from-patch</c>: the same bytes as one machine, or nothing at all. The three shard
/// previews of the sample are run once per class (<see cref="ShardPatches"/>), and each test merges them into a fresh
/// copy of the same tree.
/// </summary>
public sealed class ShardedApplyTests(ShardedApplyTests.ShardPatches shards) : IClassFixture<ShardedApplyTests.ShardPatches>
{
    private const int Shards = 3;

    /// <summary>The sample monorepo plus the odd-byte fixtures (CRLF, UTF-8 BOM, latin-1 with a coding cookie), committed.</summary>
    private static TempRepo NewRepo()
    {
        var repo = TempRepo.Create();
        repo.Directory.CopyFrom(Paths.SampleMonorepo);
        foreach (var (fixture, target) in new[]
        {
            ("crlf_line_endings_preserved", "odd/crlf.py"),
            ("utf8_bom_preserved", "odd/bom.py"),
            ("latin1_coding_cookie_preserved", "odd/latin1.py"),
        })
        {
            repo.Directory.Write(target, File.ReadAllBytes(Path.Combine(Paths.Goldens("env-to-isolated"), fixture, "before.py")));
        }

        repo.CommitAll("sample with odd bytes");
        return repo;
    }

    private static async Task<List<string>> PreviewShardsAsync(TempRepo repo, TempDirectory patches)
    {
        var files = new List<string>();
        for (var shard = 1; shard <= Shards; shard++)
        {
            var result = await CliHarness.RunAsync(repo.Path, "preview", "env-to-isolated", ".", "--shard", $"{shard}/{Shards}", "--format", "patch");
            Assert.True(result.ExitCode is 0 or 1, result.ToString());
            files.Add(patches.Write($"shard-{shard}.patch", result.StdoutBytes));
        }

        return files;
    }

    private static Dictionary<string, byte[]> Tree(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(root, f).StartsWith(".git", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllBytes);

    [Fact]
    public async Task Shard_patches_merged_with_from_patch_give_the_bytes_of_a_single_machine_apply()
    {
        // Given the same tree twice
        using var sharded = NewRepo();
        using var single = NewRepo();

        // When the tree's three shard patches (each a separate preview run) are merged into one copy
        var files = await shards.FilesAsync();
        var merged = await CliHarness.RunAsync(sharded.Path, ["apply", "--from-patch", .. files]);
        var direct = await CliHarness.RunAsync(single.Path, "apply", "env-to-isolated", ".");

        // Then both trees hold exactly the same bytes, odd files included, and every shard contributed
        Assert.Equal(0, merged.ExitCode);
        Assert.All(files, f => Assert.Contains("index ", File.ReadAllText(f), StringComparison.Ordinal));
        var expected = Tree(single.Path);
        var actual = Tree(sharded.Path);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        Assert.All(expected, kv => Assert.True(kv.Value.AsSpan().SequenceEqual(actual[kv.Key]), $"{kv.Key} differs"));
        Assert.Contains("\r\n", Encoding.Latin1.GetString(actual["odd/crlf.py"]), StringComparison.Ordinal);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, actual["odd/bom.py"][..3]);
        Assert.NotEqual(File.ReadAllBytes(Path.Combine(Paths.Goldens("env-to-isolated"), "latin1_coding_cookie_preserved", "before.py")), actual["odd/latin1.py"]);
        Assert.Contains("wrote", merged.Stderr, StringComparison.Ordinal);
        Assert.Contains("wrote", direct.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_patch_whose_pre_image_no_longer_matches_is_refused_by_name_and_nothing_is_written()
    {
        // Given shard patches, and then one patched file edited before the merge
        using var repo = NewRepo();
        var files = await shards.FilesAsync();
        repo.Directory.Write("odd/latin1.py", [.. repo.Directory.Read("odd/latin1.py"), .. "# edited\n"u8.ToArray()]);
        var before = Tree(repo.Path);

        // When the patches are merged
        var result = await CliHarness.RunAsync(repo.Path, ["apply", "--from-patch", .. files]);

        // Then the merge is refused naming the file, and no file changed
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("refused odd/latin1.py", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("nothing written", result.Stderr, StringComparison.Ordinal);
        var after = Tree(repo.Path);
        Assert.All(before, kv => Assert.True(kv.Value.AsSpan().SequenceEqual(after[kv.Key]), $"{kv.Key} was written"));
    }

    [Fact]
    public async Task From_patch_with_commit_commits_the_merged_files_under_the_patches_codemod()
    {
        using var repo = NewRepo();
        var files = await shards.FilesAsync();

        var result = await CliHarness.RunAsync(repo.Path, ["apply", "--from-patch", .. files, "--commit"]);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("env-to-isolated: ", repo.Run("log", "-1", "--format=%s"), StringComparison.Ordinal);
        Assert.Contains("Codemod: env-to-isolated@1.0.0", repo.Run("log", "-1", "--format=%B"), StringComparison.Ordinal);
        Assert.Equal(string.Empty, repo.Run("status", "--porcelain"));
    }

    /// <summary>The shard patches of a fresh copy of the tree, previewed once for the class.</summary>
    public sealed class ShardPatches : IDisposable
    {
        private readonly TempDirectory _patches = new();
        private readonly Lazy<Task<List<string>>> _files;

        public ShardPatches()
        {
            _files = new(() => Task.Run(async () =>
            {
                using var repo = NewRepo();
                return await PreviewShardsAsync(repo, _patches);
            }));
        }

        public Task<List<string>> FilesAsync() => _files.Value;

        public void Dispose() => _patches.Dispose();
    }
}
