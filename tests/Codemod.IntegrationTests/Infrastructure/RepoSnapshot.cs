using Codemod.Core.Vcs;

namespace Codemod.IntegrationTests.Infrastructure;

/// <summary>
/// Everything a test means by "the repository is exactly as it was": HEAD, the index and status, every tag, the notes
/// ref, and the bytes of every file in the work tree.
/// </summary>
public sealed record RepoSnapshot(string Head, string Status, string Index, IReadOnlyList<string> Tags, string Notes, IReadOnlyDictionary<string, string> Files)
{
    public static RepoSnapshot Take(TempRepo repo)
    {
        var notes = repo.Git.Run("rev-parse", "--verify", "--quiet", RunTags.NotesRef);
        var files = System.IO.Directory.EnumerateFiles(repo.Path, "*", SearchOption.AllDirectories)
            .Select(f => System.IO.Path.GetRelativePath(repo.Path, f))
            .Where(p => !p.StartsWith(".git" + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToDictionary(p => p, p => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(System.IO.Path.Combine(repo.Path, p)))), StringComparer.Ordinal);
        return new RepoSnapshot(repo.Head, repo.Status, repo.Run("ls-files", "--stage"), repo.Tags, notes.StandardOutput.Trim(), files);
    }

    /// <summary>Fails with the first difference named, rather than two unreadable records.</summary>
    public void AssertSameAs(RepoSnapshot expected)
    {
        Assert.Equal(expected.Head, Head);
        Assert.Equal(expected.Status, Status);
        Assert.Equal(expected.Index, Index);
        Assert.Equal(expected.Tags, Tags);
        Assert.Equal(expected.Notes, Notes);
        Assert.Equal(expected.Files.Keys, Files.Keys);
        foreach (var (path, hash) in expected.Files)
        {
            Assert.True(hash == Files[path], $"{path} differs from the snapshot");
        }
    }
}
