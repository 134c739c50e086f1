using Codemod.Cli.Rendering;
using Codemod.Core.Changes;

namespace Codemod.Cli.Interactive;

/// <summary>
/// The decision loop of <c>apply -i</c>: walks the changed files in order and asks about each rewrite site. A file with
/// rejected sites is run again with those sites' lines excluded, so the codemod itself keeps its imports consistent and
/// the compile gate judges the result; nothing here writes a file.
/// </summary>
internal sealed class InteractiveReview(IKeyReader keys, IFileReviser reviser, TextWriter output, Paint paint, bool writeOnQuit)
{
    public const string NotReviewedReason = "not reviewed: the interactive review ended (q) before this file";

    public async Task<ReviewResult> RunAsync(ChangeSet changes, CancellationToken cancellationToken)
    {
        var decisions = new List<SiteDecision>();
        var files = new List<FileOutcome>();
        var quit = false;
        foreach (var file in changes.Files)
        {
            if (quit || file.Kind != OutcomeKind.Changed)
            {
                files.Add(quit && file.Kind == OutcomeKind.Changed ? FileOutcome.Skip(file.Path, NotReviewedReason) with { Reviews = file.Reviews } : file);
                if (!quit && file.Reviews.Count > 0)
                {
                    output.WriteLine();
                    SiteView.WriteReviews(output, paint, file);
                }

                continue;
            }

            var review = await ReviewFileAsync(file, cancellationToken).ConfigureAwait(false);
            decisions.AddRange(review.Decisions);
            quit = review.Quit;
            if (quit && !writeOnQuit)
            {
                return new ReviewResult(changes, decisions, Quit: true);
            }

            files.Add(await FinishAsync(file, review, cancellationToken).ConfigureAwait(false));
            SiteView.WriteReviews(output, paint, file);
        }

        output.Flush();
        return new ReviewResult(changes with { Files = files }, decisions, quit);
    }

    private sealed record FileReview(IReadOnlyList<SiteDecision> Decisions, bool Quit, byte[]? Edited);

    private async Task<FileReview> ReviewFileAsync(FileOutcome file, CancellationToken cancellationToken)
    {
        // A change no site was recorded for (e.g. only the formatter's) is decided as one.
        IReadOnlyList<ChangeRecord> sites = file.Changes.Count > 0
            ? [.. file.Changes.OrderBy(s => s.Line).ThenBy(s => s.Column)]
            : [new ChangeRecord(1, 0, "file", "changes without a recorded site")];
        var hunks = DiffHunk.Of(file);
        var verdicts = new SiteVerdict?[sites.Count];
        SiteView.WriteFile(output, paint, file, hunks, sites);
        byte[]? edited = null;
        var quit = false;
        for (var i = 0; i < sites.Count;)
        {
            SiteView.WriteSite(output, paint, file, hunks, sites[i], i + 1, sites.Count);
            var action = await AskAsync(cancellationToken).ConfigureAwait(false);
            switch (action)
            {
                case ReviewAction.Accept or ReviewAction.Reject:
                    verdicts[i++] = action == ReviewAction.Accept ? SiteVerdict.Accepted : SiteVerdict.Rejected;
                    break;
                case ReviewAction.AcceptRestOfFile or ReviewAction.RejectRestOfFile:
                    i = Fill(verdicts, i, action == ReviewAction.AcceptRestOfFile ? SiteVerdict.Accepted : SiteVerdict.Rejected);
                    break;
                case ReviewAction.Quit:
                    quit = true;
                    i = Fill(verdicts, i, SiteVerdict.NotReviewed);
                    break;
                case ReviewAction.Edit:
                    edited = await EditAsync(file, sites, verdicts, cancellationToken).ConfigureAwait(false);
                    if (edited is not null)
                    {
                        i = Fill(verdicts, i, SiteVerdict.Edited);
                    }

                    break;
            }
        }

        return new FileReview([.. sites.Select((s, n) => new SiteDecision(file.Path, s, verdicts[n]!.Value))], quit, edited);
    }

    // Asks until a key means something: help and unknown keys ask again.
    private async Task<ReviewAction> AskAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            output.Write(paint.Bold($"Accept this site {ReviewKeys.Prompt}? "));
            output.Flush();
            var key = await keys.ReadKeyAsync(cancellationToken).ConfigureAwait(false);
            output.WriteLine(char.IsControl(key) ? string.Empty : key.ToString());
            switch (ReviewKeys.Parse(key))
            {
                case null:
                    output.WriteLine(paint.Yellow($"'{Printable(key)}' is not an answer here: press ? for help"));
                    break;
                case ReviewAction.Help:
                    foreach (var line in ReviewKeys.Help(writeOnQuit))
                    {
                        output.WriteLine(line);
                    }

                    break;
                case { } action:
                    return action;
            }
        }
    }

    // The editor gets the file as the decisions so far would write it; the edited text must compile, else the site is asked again.
    private async Task<byte[]?> EditAsync(FileOutcome file, IReadOnlyList<ChangeRecord> sites, SiteVerdict?[] verdicts, CancellationToken cancellationToken)
    {
        var rejected = Rejected(sites, verdicts);
        var proposed = file;
        if (rejected.Count > 0)
        {
            proposed = await reviser.RerunAsync(file, rejected, cancellationToken).ConfigureAwait(false);
        }

        var text = proposed.NewBytes ?? file.OriginalBytes ?? [];
        var edit = await reviser.EditAsync(file.Path, text, cancellationToken).ConfigureAwait(false);
        if (edit.Text is null)
        {
            output.WriteLine(paint.Red("not edited: ") + edit.Problem);
            return null;
        }

        if (await reviser.CompileProblemAsync(file.Path, edit.Text, cancellationToken).ConfigureAwait(false) is { } problem)
        {
            output.WriteLine(paint.Red("the edited text does not compile: ") + problem + "; nothing taken, decide this site again (e edits once more)");
            return null;
        }

        output.WriteLine(paint.Green("edited text taken") + $" for {file.Path}: it is what will be written");
        return edit.Text;
    }

    private async Task<FileOutcome> FinishAsync(FileOutcome file, FileReview review, CancellationToken cancellationToken)
    {
        var kept = review.Decisions.Where(d => d.Verdict is SiteVerdict.Accepted or SiteVerdict.Edited).Select(d => d.Site).ToList();
        if (review.Edited is { } edited)
        {
            return edited.AsSpan().SequenceEqual(file.OriginalBytes)
                ? Unchanged(file, "the edited text is the original: left unchanged")
                : file with { NewBytes = edited, Changes = file.Changes.Count > 0 ? kept : [] };
        }

        var rejected = review.Decisions.Where(d => d.Verdict is SiteVerdict.Rejected or SiteVerdict.NotReviewed).Select(d => d.Site.Line).ToHashSet();
        if (rejected.Count == 0)
        {
            output.WriteLine(paint.Green($"{file.Path}: every site accepted"));
            return file;
        }

        if (file.Changes.Count == 0)
        {
            return Unchanged(file, "rejected: left unchanged");
        }

        // The review items were resolved against the whole run (items about other changed modules); a one-file re-run cannot.
        var rerun = await reviser.RerunAsync(file, rejected, cancellationToken).ConfigureAwait(false) with { Reviews = file.Reviews };
        if (rerun.Changes.Any(c => rejected.Contains(c.Line)))
        {
            // A codemod that ignores excluded lines would write what the reviewer rejected.
            return Unchanged(file, "the codemod rewrote a rejected site again (it does not honour excluded lines): left unchanged");
        }

        var summary = $"{file.Path}: {Count(kept.Count, "site")} kept, {Count(review.Decisions.Count - kept.Count, "site")} left as they are";
        switch (rerun.Kind)
        {
            case OutcomeKind.Changed:
                output.WriteLine(paint.Green(summary) + "; re-run without the rejected sites: imports adjusted, compiles");
                return rerun;
            case OutcomeKind.Unchanged:
                output.WriteLine(paint.Green(summary) + "; the file stays as it is");
                return rerun;
            default:
                output.WriteLine(paint.Red($"{file.Path}: the re-run without the rejected sites did not succeed, the file is left unchanged: ") + rerun.Reason);
                return rerun;
        }
    }

    private FileOutcome Unchanged(FileOutcome file, string why)
    {
        output.WriteLine(paint.Yellow($"{file.Path}: {why}"));
        return file with { Kind = OutcomeKind.Unchanged, NewBytes = null, OriginalBytes = null, Changes = [] };
    }

    private static HashSet<int> Rejected(IReadOnlyList<ChangeRecord> sites, SiteVerdict?[] verdicts) =>
        [.. sites.Where((_, n) => verdicts[n] == SiteVerdict.Rejected).Select(s => s.Line)];

    private static int Fill(SiteVerdict?[] verdicts, int from, SiteVerdict verdict)
    {
        for (var n = from; n < verdicts.Length; n++)
        {
            verdicts[n] = verdict;
        }

        return verdicts.Length;
    }

    private static string Printable(char key) => char.IsControl(key) ? $"\\x{(int)key:x2}" : key.ToString();

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
