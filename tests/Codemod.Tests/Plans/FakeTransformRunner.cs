using System.Collections.Concurrent;
using System.Text;
using Codemod.Core.Changes;
using Codemod.Core.Transform;

namespace Codemod.Tests.Plans;

/// <summary>
/// Text-replacing codemods without a worker: <c>one-to-two</c> rewrites the word <c>one</c>, <c>two-to-three</c> the
/// word <c>two</c>, <c>broken</c> fails every file it is given. Records the bytes each codemod was shown.
/// </summary>
internal sealed class FakeTransformRunner : ITransformRunner
{
    public static readonly CodemodInfo OneToTwo = new("one-to-two", "one -> two", "1.0.0", ["one"], []);

    public static readonly CodemodInfo TwoToThree = new("two-to-three", "two -> three", "1.0.0", ["two"], []);

    public static readonly CodemodInfo Broken = new("broken", "fails every file", "1.0.0", ["one", "two", "three"], []);

    /// <summary>(codemod, path, text shown) for every transform request, in no particular order.</summary>
    public ConcurrentBag<(string Codemod, string Path, string Text)> Seen { get; } = [];

    public Task<IReadOnlyDictionary<string, string>> GetVersionsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string> { ["python"] = "3.12.0", ["libcst"] = "1.5.0" });

    public Task<IReadOnlyList<CodemodInfo>> ListCodemodsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CodemodInfo>>([OneToTwo, TwoToThree, Broken]);

    public Task<IReadOnlyList<string>> PrefilterForAsync(string codemod, IReadOnlyDictionary<string, IReadOnlyList<string>> arguments, CancellationToken cancellationToken) =>
        throw new NotSupportedException("no codemod here takes its prefilter from arguments");

    public Task<FileOutcome> TransformAsync(TransformRequest request, CancellationToken cancellationToken)
    {
        var text = Encoding.UTF8.GetString(request.File.Bytes);
        Seen.Add((request.Codemod, request.File.RelativePath, text));
        var (from, to) = request.Codemod switch
        {
            "one-to-two" => ("one", "two"),
            "two-to-three" => ("two", "three"),
            _ => (null, null),
        };
        if (from is null)
        {
            return Task.FromResult(FileOutcome.Fail(request.File.RelativePath, "the codemod crashed", 1));
        }

        var rewritten = text.Replace(from, to, StringComparison.Ordinal);
        if (rewritten == text)
        {
            return Task.FromResult(new FileOutcome { Path = request.File.RelativePath, Kind = OutcomeKind.Unchanged });
        }

        return Task.FromResult(new FileOutcome
        {
            Path = request.File.RelativePath,
            Kind = OutcomeKind.Changed,
            OriginalHash = request.File.Hash,
            OriginalBytes = request.File.Bytes,
            NewBytes = Encoding.UTF8.GetBytes(rewritten),
            Changes = [new ChangeRecord(1, 0, request.Codemod, $"{from} -> {to}")],
        });
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
