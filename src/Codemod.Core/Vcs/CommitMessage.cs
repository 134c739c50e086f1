namespace Codemod.Core.Vcs;

/// <summary>A commit message in its three parts; <see cref="Text"/> is what git receives.</summary>
public sealed record CommitMessage(string Subject, string Body, IReadOnlyList<KeyValuePair<string, string>> Trailers)
{
    public string Text =>
        $"{Subject}\n\n{Body.TrimEnd('\n')}\n\n{string.Join('\n', Trailers.Select(t => $"{t.Key}: {t.Value}"))}\n";
}
