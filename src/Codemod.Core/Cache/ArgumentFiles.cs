using Codemod.Core.Files;

namespace Codemod.Core.Cache;

/// <summary>
/// The part of a cache fingerprint that arguments hide: a codemod parameter may name a file (a mapping of renames), whose
/// contents change its output while the argument text stays the same. Every argument value that names an existing file
/// contributes that file's hash; a value that only looks like a path costs nothing.
/// </summary>
public static class ArgumentFiles
{
    public static string Fingerprint(IReadOnlyDictionary<string, IReadOnlyList<string>> arguments, string baseDirectory)
    {
        using var key = new CacheKeyBuilder("argument-files/1");
        foreach (var value in arguments.OrderBy(a => a.Key, StringComparer.Ordinal).SelectMany(a => a.Value))
        {
            if (HashOf(value, baseDirectory) is { } hash)
            {
                key.Add(value).Add(hash);
            }
        }

        return key.Build();
    }

    private static string? HashOf(string value, string baseDirectory)
    {
        if (value.Length is 0 or > 4096 || value.Contains('\0', StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            var path = Path.GetFullPath(value, baseDirectory);
            return File.Exists(path) ? ContentHash.Of(File.ReadAllBytes(path)) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }
}
