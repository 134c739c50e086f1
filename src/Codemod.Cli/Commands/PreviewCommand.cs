using System.CommandLine;
using Codemod.Cli.Options;
using Codemod.Cli.Rendering;

namespace Codemod.Cli.Commands;

/// <summary><c>codemod preview</c>: a dry run that shows exactly what apply would write, and writes nothing.</summary>
internal static class PreviewCommand
{
    public static Command Create(CliContext context)
    {
        var options = new CommonOptions();
        var codemod = CodemodRun.CodemodArgument();
        var format = new Option<string>("--format") { Description = "diff (coloured, default), patch (for git apply) or json", DefaultValueFactory = _ => "diff" };
        format.AcceptOnlyFromAmong("diff", "patch", "json");
        var check = new Option<bool>("--check") { Description = "Exit 3 when anything would change" };
        var command = new Command("preview", "Dry run: show the diff a codemod would apply") { codemod };
        options.AddTo(command);
        command.Add(format);
        command.Add(check);
        command.Add(options.Strict);
        command.Add(options.GeneratedMarker);
        command.Add(options.Formatter);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var run = await CodemodRun.ExecuteAsync(parse, options, parse.GetValue(codemod)!, context, cancellationToken);
            switch (parse.GetValue(format))
            {
                case "json":
                    ChangeSetJson.Write(context.OutputStream, "preview", run.Settings.Root, run.Changes, run.Versions);
                    break;
                case "patch":
                    DiffRenderer.WritePatch(context.OutputStream, run.Changes, run.Versions);
                    break;
                default:
                    DiffRenderer.WriteText(context.Output, run.Changes, new Paint(SettingsResolver.UseColor(parse, context.Environment, context.Environment.OutputRedirected)));
                    break;
            }

            var paint = new Paint(SettingsResolver.UseColor(parse, context.Environment, context.Environment.ErrorRedirected));
            SummaryReporter.Write(context.Error, run.Changes, paint);
            MissingModuleWarning.Write(context.Error, paint, applied: false, context.Environment.CurrentDirectory, run.Settings.Root, run.Codemod, run.Changes);
            var totals = run.Changes.Totals;
            return ExitCodes.For(new RunVerdict(Failed: totals.Failed, Reviews: totals.Reviews, PendingChanges: totals.Changed > 0, CheckRequested: parse.GetValue(check), Strict: parse.GetValue(options.Strict)));
        });
        return command;
    }
}
