using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Codemod.Core.Cache;

/// <summary>
/// Hashes the parts of a cache key into one SHA-256. Every part is length-prefixed, so ("ab", "c") and ("a", "bc") never
/// collide, and lists carry their count, so a value cannot slide from one list into the next.
/// </summary>
public sealed class CacheKeyBuilder : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public CacheKeyBuilder(string kind) => Add(kind);

    public CacheKeyBuilder Add(string text) => Add(Encoding.UTF8.GetBytes(text));

    public CacheKeyBuilder Add(ReadOnlySpan<byte> bytes)
    {
        Span<byte> length = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(length, bytes.Length);
        _hash.AppendData(length);
        _hash.AppendData(bytes);
        return this;
    }

    public CacheKeyBuilder Add(int number) => Add(number.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Arguments in name order, each with its values in the order given (list parameters keep their order).</summary>
    public CacheKeyBuilder Add(IReadOnlyDictionary<string, IReadOnlyList<string>> arguments)
    {
        Add(arguments.Count);
        foreach (var (name, values) in arguments.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            Add(name).Add(values.Count);
            foreach (var value in values)
            {
                Add(value);
            }
        }

        return this;
    }

    public CacheKeyBuilder Add(IReadOnlyDictionary<string, byte[]> modules)
    {
        Add(modules.Count);
        foreach (var (name, bytes) in modules.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            Add(name).Add(bytes);
        }

        return this;
    }

    /// <summary>
    /// Excluded lines, ascending, after a marker; nothing at all when there are none, so the keys of ordinary runs are
    /// the keys they always were.
    /// </summary>
    public CacheKeyBuilder AddExcludedLines(IReadOnlySet<int> lines)
    {
        if (lines.Count == 0)
        {
            return this;
        }

        Add("exclude-lines").Add(lines.Count);
        foreach (var line in lines.Order())
        {
            Add(line);
        }

        return this;
    }

    public string Build() => Convert.ToHexStringLower(_hash.GetHashAndReset());

    public void Dispose() => _hash.Dispose();
}
