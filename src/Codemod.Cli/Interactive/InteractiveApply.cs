using Codemod.Cli.Commands;
using Codemod.Cli.Options;
using Codemod.Core.Changes;

namespace Codemod.Cli.Interactive;

/// <summary>Wires <c>apply -i</c>: the terminal's keys, the run's own session for re-runs, the user's editor; prompts go to stderr.</summary>
internal static class InteractiveApply
{
    public static async Task<(CodemodRun Run, ReviewResult Review)> ReviewAsync(CodemodSession session, CodemodRun run, ApplySettings settings, CliContext context, IKeyReader? keys, CancellationToken cancellationToken)
    {
        var paint = settings.Style.Stderr;
        var reviewable = run.Changes.Changed.Sum(f => Math.Max(1, f.Changes.Count));
        context.Error.WriteLine(run.Changes.HasChanges
            ? paint.Bold($"{run.Changes.Codemod}: {reviewable} site(s) to review in {run.Changes.Changed.Count()} file(s); press ? for help")
            : "nothing to review: no file would change");
        var reviser = new SessionReviser(session, run.Settings, run.Codemod, run.Changes.Arguments, settings.Run!.Engine.Python.PythonExecutable, context.Environment.Editor);
        var review = await new InteractiveReview(keys ?? new ConsoleKeyReader(), reviser, context.Error, paint, settings.OnQuit == QuitChoice.Write)
            .RunAsync(run.Changes, cancellationToken).ConfigureAwait(false);
        return (run with { Changes = review.Changes }, review);
    }

    /// <summary>The closing line: what was decided, before the summary of what was written.</summary>
    public static void WriteTally(TextWriter error, ReviewResult review)
    {
        int Of(SiteVerdict verdict) => review.Decisions.Count(d => d.Verdict == verdict);
        var notReviewed = review.Changes.Files.Count(f => f.Kind == OutcomeKind.Skipped && f.Reason == InteractiveReview.NotReviewedReason);
        error.WriteLine();
        error.WriteLine($"review: {Of(SiteVerdict.Accepted)} accepted, {Of(SiteVerdict.Rejected)} rejected, {Of(SiteVerdict.Edited)} edited by hand"
            + (review.Quit ? $", {Of(SiteVerdict.NotReviewed)} site(s) and {notReviewed} file(s) not reviewed (quit)" : string.Empty));
    }
}
