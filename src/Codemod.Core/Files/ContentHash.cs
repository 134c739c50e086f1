using System.Security.Cryptography;

namespace Codemod.Core.Files;

/// <summary>The hash that proves a file has not changed between read and write.</summary>
public static class ContentHash
{
    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
