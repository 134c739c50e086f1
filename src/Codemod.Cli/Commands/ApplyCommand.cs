using System.CommandLine;
using Codemod.Cli.Options;
using Codemod.Cli.Rendering;
using Codemod.Core.Apply;

namespace Codemod.Cli.Commands;

/// <summary><c>codemod apply</c>: runs a codemod and writes the results atomically through the one write point.</summary>
internal static class ApplyCommand
{
    public static Command Create(CliContext context)
    {
        var options = new CommonOptions();
        var codemod = CodemodRun.CodemodArgument();
        var format = new Option<string>("--format") { Description = "text (summary on stderr, default) or json (the run document on stdout)", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("apply", "Run a codemod and write the changed files atomically") { codemod };
        options.AddTo(command);
        command.Add(format);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var run = await CodemodRun.ExecuteAsync(parse, options, parse.GetValue(codemod)!, context, cancellationToken);
            // Cancellation is honoured up to here; once writing starts it runs to the end (or restores), never half-way.
            cancellationToken.ThrowIfCancellationRequested();
            var applied = new ChangeApplier().Apply(run.Settings.Root, run.Changes.Files);
            if (parse.GetValue(format) == "json")
            {
                ChangeSetJson.Write(context.OutputStream, "apply", run.Settings.Root, run.Changes, run.Versions, applied);
            }

            SummaryReporter.Write(context.Error, run.Changes, new Paint(SettingsResolver.UseColor(parse, context.Environment, context.Environment.ErrorRedirected)), applied);
            var totals = run.Changes.Totals;
            return ExitCodes.For(new RunVerdict(Failed: totals.Failed + applied.Refused.Count, Reviews: totals.Reviews, WriteFailed: !applied.Succeeded));
        });
        return command;
    }
}
