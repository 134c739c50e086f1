namespace Codemod.Core.Files;

/// <summary>One project file as read: its path relative to the root, its exact bytes, and their hash.</summary>
public sealed record SourceFile(string RelativePath, string FullPath, byte[] Bytes, string Hash)
{
    public static SourceFile FromBytes(string relativePath, string fullPath, byte[] bytes) =>
        new(relativePath, fullPath, bytes, ContentHash.Of(bytes));
}
