using Codemod.Cli.Commits;
using Codemod.Cli.Options;
using Codemod.Core.Plans;
using Codemod.Core.Progress;
using Codemod.Core.Settings;
using Codemod.Git;

namespace Codemod.Cli.Plans;

/// <summary>
/// Wires <see cref="BatchRunner"/> for the CLI: the workers, every step's codemod checked before anything runs, the
/// repository opened and checked for an interrupted run, the shell verifier and the commit note's JSON.
/// </summary>
internal sealed class PlanRunner(PlanRunSettings settings, TimeProvider time, Action<StepReport>? onStep = null, Action<string>? onPhase = null, Func<PlanStep, IFileProgress?>? stepProgress = null)
{
    public async Task<PlanReport> RunAsync(Plan plan, CancellationToken cancellationToken)
    {
        await using var session = new CodemodSession(settings.Python);
        var steps = await ResolveAsync(plan, session, cancellationToken).ConfigureAwait(false);
        // The batch refuses a missing repository or commit itself; an interrupted run is refused here, before any tag.
        using var repository = settings.DryRun ? null : GitRepository.Open(settings.Run.Root);
        if (repository?.Head() is not null)
        {
            RecoveryCheck.RefuseIfPending(repository);
        }

        var batch = new BatchSettings
        {
            Run = settings.Run,
            DryRun = settings.DryRun,
            NoVerify = settings.NoVerify,
            EngineVersion = EngineInfo.Version,
            NoteText = (request, final, applied) => CommitFlow.NoteText(repository!.Root, request, final, applied),
            OnStep = onStep,
            OnPhase = onPhase,
            StepProgress = stepProgress,
        };
        return await new BatchRunner(repository, session.Runner, new GitFileLister(), new VerifyRunner(), time, batch)
            .RunAsync(plan, steps, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every step's codemod, arguments and paths checked before anything runs, so a typo costs nothing.</summary>
    private async Task<List<BatchStep>> ResolveAsync(Plan plan, CodemodSession session, CancellationToken cancellationToken)
    {
        var resolved = new List<BatchStep>();
        foreach (var step in plan.Steps)
        {
            var formatter = step.Formatter is null ? null : CommandSplitter.Split(step.Formatter, "formatter");
            try
            {
                resolved.Add(new BatchStep(step, await session.ResolveAsync(step.Codemod, step.Arguments, cancellationToken, formatter).ConfigureAwait(false), formatter));
            }
            catch (UserError e)
            {
                throw new UserError(plan.At(step.Line, $"step {step.Number}: {e.Message}"));
            }

            foreach (var path in step.Paths.Where(p => p != "."))
            {
                var full = Path.Combine(settings.Run.Root, path);
                if (Path.IsPathRooted(path) || path.Split('/').Contains("..") || (!File.Exists(full) && !Directory.Exists(full)))
                {
                    throw new UserError(plan.At(step.Line, $"step {step.Number}: path '{path}' is not a file or folder under the root {settings.Run.Root}"));
                }
            }
        }

        return resolved;
    }
}
