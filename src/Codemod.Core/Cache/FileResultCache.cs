using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Codemod.Core.Cache;

/// <summary>
/// The result cache in a folder: one file per entry, <c>v1/&lt;2 hex&gt;/&lt;62 hex&gt;.entry</c>. Safe under concurrent
/// runs without a lock: an entry is written to a temp file beside it and renamed into place, so readers see a whole
/// entry or none. Each entry carries its length and a SHA-256 of its key and payload; anything else reads as a miss.
/// Size-bounded: a hit touches the entry's modification time, and <see cref="Trim"/> removes the least recently used.
/// </summary>
public sealed class FileResultCache(string directory, long maxBytes, TimeProvider? time = null) : IResultCache
{
    public const long DefaultMaxBytes = 1L << 30;

    private const string Layout = "v1";
    private const string EntrySuffix = ".entry";
    private static readonly byte[] Magic = "CMC1"u8.ToArray();
    private static readonly int HeaderLength = Magic.Length + sizeof(long) + SHA256.HashSizeInBytes;
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private long _bytesWritten;

    public string Directory { get; } = directory;

    public long MaxBytes { get; } = maxBytes;

    /// <summary>Bytes this instance stored; <see cref="Trim"/> only looks at the folder when it is not zero.</summary>
    public long BytesWritten => Interlocked.Read(ref _bytesWritten);

    public byte[]? TryGet(string key)
    {
        if (!IsKey(key))
        {
            return null;
        }

        var path = PathOf(key);
        try
        {
            var entry = File.ReadAllBytes(path);
            var payload = Payload(key, entry);
            if (payload is null)
            {
                TryDelete(path);
                return null;
            }

            Touch(path);
            return payload;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public void Put(string key, ReadOnlySpan<byte> value)
    {
        if (!IsKey(key))
        {
            return;
        }

        var path = PathOf(key);
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                Span<byte> header = stackalloc byte[HeaderLength];
                Magic.CopyTo(header);
                BinaryPrimitives.WriteInt64LittleEndian(header[Magic.Length..], value.Length);
                Checksum(key, value).CopyTo(header[(Magic.Length + sizeof(long))..]);
                stream.Write(header);
                stream.Write(value);
            }

            File.Move(temp, path, overwrite: true);
            Interlocked.Add(ref _bytesWritten, HeaderLength + value.Length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
        }
    }

    /// <summary>Entries and their total size on disk.</summary>
    public (int Entries, long Bytes) Measure()
    {
        var files = Entries().ToList();
        return (files.Count, files.Sum(f => f.Length));
    }

    /// <summary>
    /// Removes the least recently used entries until the total is at most 90% of the bound (so the next runs do not
    /// trim again at once), and temp files a crashed run left behind. Returns how many entries went.
    /// </summary>
    public int Trim()
    {
        try
        {
            return TrimEntries();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A concurrent run or `cache clear` removed folders while we listed them: trim again next time.
            return 0;
        }
    }

    private int TrimEntries()
    {
        var now = _time.GetUtcNow().UtcDateTime;
        foreach (var stale in EnumerateFiles("*.tmp").Where(f => now - f.LastWriteTimeUtc > TimeSpan.FromHours(1)))
        {
            TryDelete(stale.FullName);
        }

        var entries = Entries().ToList();
        var total = entries.Sum(f => f.Length);
        if (total <= MaxBytes)
        {
            return 0;
        }

        var removed = 0;
        var target = MaxBytes / 10 * 9;
        foreach (var entry in entries.OrderBy(f => f.LastWriteTimeUtc).ThenBy(f => f.Name, StringComparer.Ordinal))
        {
            if (total <= target)
            {
                break;
            }

            // Another run may have removed or refreshed it meanwhile; either way the bytes are gone from our count.
            TryDelete(entry.FullName);
            total -= entry.Length;
            removed++;
        }

        return removed;
    }

    /// <summary>Removes every entry; returns how many there were.</summary>
    public int Clear()
    {
        var count = 0;
        foreach (var file in EnumerateFiles("*"))
        {
            count += file.Name.EndsWith(EntrySuffix, StringComparison.Ordinal) ? 1 : 0;
            TryDelete(file.FullName);
        }

        return count;
    }

    private static byte[]? Payload(string key, byte[] entry)
    {
        if (entry.Length < HeaderLength || !entry.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            return null;
        }

        var length = BinaryPrimitives.ReadInt64LittleEndian(entry.AsSpan(Magic.Length));
        if (length != entry.Length - HeaderLength)
        {
            return null;
        }

        var payload = entry.AsSpan(HeaderLength);
        return Checksum(key, payload).AsSpan().SequenceEqual(entry.AsSpan(Magic.Length + sizeof(long), SHA256.HashSizeInBytes)) ? payload.ToArray() : null;
    }

    // The key is inside the checksum: an entry copied or renamed under another key is not a hit for it.
    private static byte[] Checksum(string key, ReadOnlySpan<byte> payload)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.ASCII.GetBytes(key));
        hash.AppendData(payload);
        return hash.GetHashAndReset();
    }

    private static bool IsKey(string key) => key.Length == 64 && key.All(char.IsAsciiHexDigitLower);

    private string PathOf(string key) => Path.Combine(Directory, Layout, key[..2], key[2..] + EntrySuffix);

    private IEnumerable<FileInfo> Entries() => EnumerateFiles("*" + EntrySuffix);

    private IEnumerable<FileInfo> EnumerateFiles(string pattern)
    {
        var root = new DirectoryInfo(Path.Combine(Directory, Layout));
        if (!root.Exists)
        {
            return [];
        }

        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, MatchType = MatchType.Simple };
        return root.EnumerateFiles(pattern, options);
    }

    // Least recently *used*: a hit makes the entry young again. A cache shared read-only still answers, unrefreshed.
    private void Touch(string path)
    {
        try
        {
            File.SetLastWriteTimeUtc(path, _time.GetUtcNow().UtcDateTime);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another run holds or removed it: it will be trimmed or overwritten later.
        }
    }
}
