using System.CommandLine;
using Codemod.Cli.Options;
using Codemod.Cli.Rendering;

namespace Codemod.Cli.Commands;

/// <summary><c>codemod preview</c>: a dry run that shows exactly what apply would write, and writes nothing.</summary>
internal static class PreviewCommand
{
    public static Command Create(CliContext context)
    {
        var options = new PreviewOptions();
        var command = options.AddTo(new Command("preview", "Dry run: show the diff a codemod would apply"));
        command.SetAction((parse, cancellationToken) => RunAsync(options.Resolve(parse, context.Environment), context, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(PreviewSettings settings, CliContext context, CancellationToken cancellationToken)
    {
        var mode = ProgressDisplay.Mode(context.Environment, settings.Style.Stderr, machineOutput: settings.Format == "json");
        var run = await CodemodRun.ExecuteAsync(settings.Run, context, cancellationToken, progress: ProgressDisplay.Create(context, mode, $"preview {settings.Run.Codemod}", countsChanges: true));
        switch (settings.Format)
        {
            case "json":
                ChangeSetJson.Write(context.OutputStream, "preview", run.Settings.Root, run.Changes, run.Versions);
                break;
            case "patch":
                DiffRenderer.WritePatch(context.OutputStream, run.Changes, run.Versions);
                break;
            default:
                DiffRenderer.WriteText(context.Output, run.Changes, settings.Style.Stdout);
                break;
        }

        var paint = settings.Style.Stderr;
        SummaryReporter.Write(context.Error, run.Changes, paint);
        MissingModuleWarning.Write(context.Error, paint, applied: false, context.Environment.CurrentDirectory, run.Settings.Root, run.Codemod, run.Changes);
        var totals = run.Changes.Totals;
        return ExitCodes.For(new RunVerdict(Failed: totals.Failed, Reviews: totals.Reviews, PendingChanges: totals.Changed > 0, CheckRequested: settings.Check, Strict: settings.Strict));
    }
}
