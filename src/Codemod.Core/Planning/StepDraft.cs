using Codemod.Core.Scan;

namespace Codemod.Core.Planning;

/// <summary>A step before its reduction is known, with what it does to the scan's facts (so the reduction is the scan's own count).</summary>
internal sealed record StepDraft(SuggestedStep Step, Func<string, FileFacts, FileFacts> Effect)
{
    public static Func<string, FileFacts, FileFacts> Nothing { get; } = (_, facts) => facts;

    public FileScan Apply(FileScan file) => file.Facts is { } facts ? file with { Facts = Effect(file.Path, facts) } : file;
}
