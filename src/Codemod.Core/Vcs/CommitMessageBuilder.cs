using System.Globalization;
using System.Text;
using Codemod.Core.Changes;

namespace Codemod.Core.Vcs;

/// <summary>
/// Builds a run's commit message: a subject under 72 characters naming the codemod and the count, a body a reviewer
/// can act on (counts per kind, files, review items, suppressed sites, skipped and failed files, arguments, versions), and trailers that
/// history and rollback read back.
/// </summary>
public static class CommitMessageBuilder
{
    public const int MaxSubjectLength = 71;
    public const int ListedPerSection = 200;

    public static CommitMessage Build(CommitMessageInput input)
    {
        var changes = input.Changes;
        var changed = changes.Files.Where(f => f.Kind == OutcomeKind.Changed).ToList();
        var rewrites = changed.Sum(f => f.Changes.Count);
        var body = new StringBuilder();

        body.Append(CultureInfo.InvariantCulture, $"Applied codemod {changes.Codemod} {changes.CodemodVersion}: {Count(rewrites, "rewrite")} in {Count(changed.Count, "file")}.\n");
        if (!string.IsNullOrWhiteSpace(input.Note))
        {
            body.Append('\n').Append(input.Note.Trim().ReplaceLineEndings("\n")).Append('\n');
        }

        var kinds = changed.SelectMany(f => f.Changes).GroupBy(c => c.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (kinds.Count > 0)
        {
            body.Append("\nRewrites by kind:\n");
            foreach (var kind in kinds)
            {
                body.Append(CultureInfo.InvariantCulture, $"  {kind.Key}: {kind.Count()}\n");
            }
        }

        Section(body, $"Files changed ({input.CommittedPaths.Count}):", input.CommittedPaths, p => p, input.RunId);
        if (input.Breaking.Count > 0)
        {
            Section(body, $"Breaking changes (recorded in {BreakingChangesLog.FileName}):", input.Breaking, b => $"{b.What} (migrate: {b.Migrate})", input.RunId);
        }

        var reviews = changes.Files.SelectMany(f => f.Reviews.Select(r => (f.Path, r))).ToList();
        Section(body, $"Left for review ({reviews.Count}):", reviews, x => $"{x.Path}:{x.r.Line} [{x.r.Kind}] {OneLine(x.r.Message)}", input.RunId);
        var suppressed = changes.Files.SelectMany(f => f.Suppressed.Select(s => (f.Path, s))).ToList();
        Section(body, $"Left as they are ({suppressed.Count} suppressed):", suppressed, x => $"{x.Path}:{x.s.Line} [{x.s.Kind}] {OneLine(x.s.Message)} ({x.s.Reason})", input.RunId);
        // Sites the reviewer rejected in `apply -i` come back from the re-run as suppressed with the reason "excluded".
        var rejected = changes.Files.SelectMany(f => f.Suppressed.Where(s => s.Reason == SuppressedRecord.Excluded).Select(s => (f.Path, s))).ToList();
        Section(body, $"Rejected in review ({rejected.Count}):", rejected, x => $"{x.Path}:{x.s.Line} {x.s.Kind}", input.RunId);
        var skipped = changes.Files.Where(f => f.Kind == OutcomeKind.Skipped).ToList();
        Section(body, $"Skipped ({skipped.Count}):", skipped, f => $"{f.Path}: {OneLine(f.Reason)}", input.RunId);
        var failed = changes.Files.Where(f => f.Kind == OutcomeKind.Failed).ToList();
        Section(body, $"Failed ({failed.Count}):", failed, f => $"{f.Path}{(f.Line is { } l ? $":{l}" : string.Empty)}: {OneLine(f.Reason)}", input.RunId);

        body.Append("\nArguments:\n");
        if (changes.Arguments.Count == 0)
        {
            body.Append("  (none)\n");
        }

        foreach (var (name, values) in changes.Arguments.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            foreach (var value in values)
            {
                body.Append(CultureInfo.InvariantCulture, $"  {name}={OneLine(value)}\n");
            }
        }

        var versions = new List<string> { $"engine {input.EngineVersion}", $"{changes.Codemod} {changes.CodemodVersion}" };
        versions.AddRange(input.RuntimeVersions.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key} {v.Value}"));
        body.Append(CultureInfo.InvariantCulture, $"\nVersions: {string.Join(", ", versions)}\n");

        var trailers = new List<KeyValuePair<string, string>>
        {
            new(CommitTrailers.Run, input.RunId.Value),
            new(CommitTrailers.Codemod, $"{changes.Codemod}@{changes.CodemodVersion}"),
        };
        if (input.BatchId is not null)
        {
            trailers.Add(new(CommitTrailers.Batch, input.BatchId));
        }

        trailers.Add(new(CommitTrailers.Rollback, $"codemod rollback {input.RunId.Value}"));
        return new CommitMessage(Subject(input, rewrites, changed.Count), body.ToString(), trailers);
    }

    /// <summary><c>&lt;codemod&gt;: N rewrites in M files</c>, cut below 72 characters.</summary>
    public static string Subject(CommitMessageInput input, int rewrites, int files)
    {
        var what = rewrites > 0 ? $"{Count(rewrites, "rewrite")} in {Count(files, "file")}" : $"rewrite {Count(files, "file")}";
        var subject = $"{input.Changes.Codemod}: {what}";
        return subject.Length <= MaxSubjectLength ? subject : subject[..(MaxSubjectLength - 3)] + "...";
    }

    private static void Section<T>(StringBuilder body, string title, IReadOnlyList<T> items, Func<T, string> describe, RunId runId)
    {
        if (items.Count == 0)
        {
            return;
        }

        body.Append('\n').Append(title).Append('\n');
        foreach (var item in items.Take(ListedPerSection))
        {
            body.Append("  ").Append(describe(item)).Append('\n');
        }

        if (items.Count > ListedPerSection)
        {
            body.Append(CultureInfo.InvariantCulture, $"  ... and {items.Count - ListedPerSection} more (all of them: codemod history {runId.Value})\n");
        }
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n.ToString(CultureInfo.InvariantCulture)} {noun}s";

    // A message or reason spanning lines would break the one-item-per-line layout (and could fake a trailer paragraph).
    private static string OneLine(string? text) => string.Join(' ', (text ?? string.Empty).Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}
