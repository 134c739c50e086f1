namespace Codemod.Core.Vcs;

/// <summary>Whether HEAD holds, for every path a run changed, the same blob as the run's rollback point.</summary>
public sealed record TreeVerification(string Reference, IReadOnlyList<string> Identical, IReadOnlyList<string> Differing)
{
    public bool Verified => Differing.Count == 0;

    /// <summary>Compares blob ids (not bytes on disk): the committed tree is what a rollback promises.</summary>
    public static TreeVerification Compare(IGitRepository repository, string reference, string referenceName, IReadOnlyList<string> paths)
    {
        var expected = repository.BlobIds(reference, paths);
        var actual = repository.BlobIds("HEAD", paths);
        var identical = paths.Where(p => expected.GetValueOrDefault(p) == actual.GetValueOrDefault(p)).ToList();
        var differing = paths.Where(p => expected.GetValueOrDefault(p) != actual.GetValueOrDefault(p)).ToList();
        return new TreeVerification(referenceName, identical, differing);
    }
}
