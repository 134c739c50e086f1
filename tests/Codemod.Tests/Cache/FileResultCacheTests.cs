using System.Text;
using Codemod.Core.Cache;

namespace Codemod.Tests.Cache;

public sealed class FileResultCacheTests
{
    private static readonly string KeyA = new('a', 64);
    private static readonly string KeyB = new('b', 64);

    private sealed class SteppingClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }

    private static string EntryPath(string directory, string key) => Path.Combine(directory, "v1", key[..2], key[2..] + ".entry");

    [Fact]
    public void A_stored_value_is_read_back_by_another_instance_on_the_same_folder()
    {
        using var folder = new TempFolder();
        new FileResultCache(folder.Path, FileResultCache.DefaultMaxBytes).Put(KeyA, "value"u8);

        var read = new FileResultCache(folder.Path, FileResultCache.DefaultMaxBytes).TryGet(KeyA);

        Assert.Equal("value"u8.ToArray(), read);
    }

    [Fact]
    public void A_key_never_stored_is_a_miss()
    {
        using var folder = new TempFolder();

        Assert.Null(new FileResultCache(folder.Path, FileResultCache.DefaultMaxBytes).TryGet(KeyA));
    }

    [Fact]
    public void A_truncated_entry_is_a_miss_and_is_removed()
    {
        using var folder = new TempFolder();
        var cache = new FileResultCache(folder.Path, FileResultCache.DefaultMaxBytes);
        cache.Put(KeyA, Encoding.UTF8.GetBytes(new string('x', 1000)));
        var path = EntryPath(folder.Path, KeyA);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length - 10)]);

        Assert.Null(cache.TryGet(KeyA));
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Garbage_in_an_entry_is_a_miss_not_an_error()
    {
        using var folder = new TempFolder();
        var cache = new FileResultCache(folder.Path, FileResultCache.DefaultMaxBytes);
        folder.Write(Path.GetRelativePath(folder.Path, EntryPath(folder.Path, KeyA)), "not a cache entry at all");

        Assert.Null(cache.TryGet(KeyA));
    }

    [Fact]
    public void A_flipped_payload_byte_fails_the_checksum_and_is_a_miss()
    {
        using var folder = new TempFolder();
        var cache = new FileResultCache(folder.Path, FileResultCache.DefaultMaxBytes);
        cache.Put(KeyA, "value"u8);
        var path = EntryPath(folder.Path, KeyA);
        var bytes = File.ReadAllBytes(path);
        bytes[^1] ^= 0x20;
        File.WriteAllBytes(path, bytes);

        Assert.Null(cache.TryGet(KeyA));
    }

    [Fact]
    public void An_entry_copied_under_another_key_is_a_miss_for_that_key()
    {
        using var folder = new TempFolder();
        var cache = new FileResultCache(folder.Path, FileResultCache.DefaultMaxBytes);
        cache.Put(KeyA, "value"u8);
        Directory.CreateDirectory(Path.GetDirectoryName(EntryPath(folder.Path, KeyB))!);
        File.Copy(EntryPath(folder.Path, KeyA), EntryPath(folder.Path, KeyB));

        Assert.Null(cache.TryGet(KeyB));
    }

    [Fact]
    public async Task Two_runs_writing_and_reading_the_same_keys_at_once_only_ever_see_whole_entries()
    {
        using var folder = new TempFolder();
        var keys = Enumerable.Range(0, 40).Select(i => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(i)))).ToList();
        byte[] ValueOf(string key) => Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(key, 200)));
        var torn = 0;

        async Task RunAsync()
        {
            var cache = new FileResultCache(folder.Path, FileResultCache.DefaultMaxBytes);
            await Parallel.ForEachAsync(Enumerable.Range(0, 400), new ParallelOptions { MaxDegreeOfParallelism = 4 }, (i, _) =>
            {
                var key = keys[i % keys.Count];
                var read = cache.TryGet(key);
                if (read is not null && !read.AsSpan().SequenceEqual(ValueOf(key)))
                {
                    Interlocked.Increment(ref torn);
                }

                cache.Put(key, ValueOf(key));
                return ValueTask.CompletedTask;
            });
        }

        await Task.WhenAll(Task.Run(RunAsync), Task.Run(RunAsync));

        Assert.Equal(0, torn);
        var after = new FileResultCache(folder.Path, FileResultCache.DefaultMaxBytes);
        Assert.All(keys, key => Assert.Equal(ValueOf(key), after.TryGet(key)));
        Assert.Empty(Directory.EnumerateFiles(folder.Path, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Trim_past_the_bound_removes_the_least_recently_used_entries_first()
    {
        using var folder = new TempFolder();
        var clock = new SteppingClock(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var cache = new FileResultCache(folder.Path, maxBytes: 5 * 1100, clock);
        var keys = Enumerable.Range(0, 8).Select(i => new string((char)('0' + i), 64)).ToList();
        for (var i = 0; i < keys.Count; i++)
        {
            cache.Put(keys[i], new byte[1000]);
            File.SetLastWriteTimeUtc(EntryPath(folder.Path, keys[i]), clock.GetUtcNow().UtcDateTime.AddMinutes(i));
        }

        // The oldest entry is used again: it becomes the most recently used and must survive.
        clock.Advance(TimeSpan.FromHours(1));
        Assert.NotNull(cache.TryGet(keys[0]));

        var removed = cache.Trim();

        Assert.Equal(4, removed);
        Assert.Equal([keys[0], keys[5], keys[6], keys[7]], keys.Where(k => File.Exists(EntryPath(folder.Path, k))));
        Assert.True(cache.Measure().Bytes <= 5 * 1100);
    }

    [Fact]
    public void Clear_removes_every_entry()
    {
        using var folder = new TempFolder();
        var cache = new FileResultCache(folder.Path, FileResultCache.DefaultMaxBytes);
        cache.Put(KeyA, "a"u8);
        cache.Put(KeyB, "b"u8);

        Assert.Equal(2, cache.Clear());
        Assert.Equal((0, 0L), cache.Measure());
        Assert.Null(cache.TryGet(KeyA));
    }
}
