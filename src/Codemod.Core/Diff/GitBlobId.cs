using System.Security.Cryptography;
using System.Text;

namespace Codemod.Core.Diff;

/// <summary>
/// git's object id of a file's bytes (SHA-1 of <c>blob &lt;length&gt;\0</c> and the bytes): what a patch's <c>index</c>
/// line carries, so a patch names the exact pre-image it applies to and the post-image it produces.
/// </summary>
public static class GitBlobId
{
    public static string Of(ReadOnlySpan<byte> bytes)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
        hash.AppendData(Encoding.ASCII.GetBytes($"blob {bytes.Length}\0"));
        hash.AppendData(bytes);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
