namespace Codemod.Core.Cache;

/// <summary>
/// The seam to a content-addressed store of per-file results. A store is best-effort: a missing, unreadable, corrupt or
/// truncated entry is a miss (null), and a failed write is silently dropped, so a run never fails because of its cache.
/// </summary>
public interface IResultCache
{
    /// <summary>The value stored under <paramref name="key"/> (a lowercase hex SHA-256), or null.</summary>
    byte[]? TryGet(string key);

    void Put(string key, ReadOnlySpan<byte> value);
}
