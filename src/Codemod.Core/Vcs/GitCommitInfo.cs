namespace Codemod.Core.Vcs;

/// <summary>A commit as history and rollback need it: id, subject, committer date, and its trailers (key → values, in order).</summary>
public sealed record GitCommitInfo(string Id, string Subject, DateTimeOffset Date, IReadOnlyDictionary<string, IReadOnlyList<string>> Trailers)
{
    public IReadOnlyList<string> Trailer(string key) => Trailers.TryGetValue(key, out var values) ? values : [];
}
