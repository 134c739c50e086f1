using System.CommandLine;
using Codemod.Cli.Options;
using Codemod.Cli.Rendering;
using Codemod.Core.Inheritance;
using Codemod.Core.Scan;
using Codemod.Core.Settings;

namespace Codemod.Cli.Commands;

/// <summary><c>codemod mro</c>: where matching classes come from: their bases resolved through imports, and Python's C3 method resolution order.</summary>
internal static class MroCommand
{
    public static Command Create(CliContext context)
    {
        var options = new CommonOptions();
        var pattern = new Argument<string>("CLASS-PATTERN") { Description = "Class name glob (e.g. '*WebSocketManager') or qualified name (pkg.module.Class, globs allowed)" };
        var format = new Option<string>("--format") { Description = "text (default), mermaid (a classDiagram) or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "mermaid", "json");
        var command = new Command("mro", "Show the bases and C3 method resolution order of matching classes") { pattern };
        options.AddTo(command);
        command.Add(format);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var classPattern = ClassPattern.Parse(parse.GetValue(pattern)!);
            if ((parse.GetValue(options.Args) ?? []).Length > 0)
            {
                throw new UserError("mro takes no --arg");
            }

            var run = await ScanRun.ExecuteAsync(parse, options, "mro", new Dictionary<string, IReadOnlyList<string>>(), context, cancellationToken);
            var report = new MroAnalyzer(ClassIndex.Build(run.Scan.Files)).Analyze(classPattern);
            var failed = run.Scan.Files.Where(f => f.Kind == ScanOutcomeKind.Failed).ToList();
            switch (parse.GetValue(format))
            {
                case "json":
                    MroJsonWriter.Write(context.OutputStream, classPattern.Text, report, failed);
                    break;
                case "mermaid":
                    MroMermaidWriter.Write(context.Output, report);
                    break;
                default:
                    MroTextWriter.Write(context.Output, report, new Paint(SettingsResolver.UseColor(parse, context.Environment, context.Environment.OutputRedirected)));
                    break;
            }

            context.Output.Flush();
            var matches = report.Classes.Count == 1 ? "1 class matches" : $"{report.Classes.Count} classes match";
            ScanRun.WriteSummary(context.Error, "mro", run.Scan, $"{matches} '{classPattern.Text}'");
            foreach (var file in failed)
            {
                context.Error.WriteLine($"  failed {file.Path}{(file.Line is { } l ? $":{l}" : string.Empty)}: {file.Reason} (its classes are missing from the index)");
            }

            var errors = report.Classes.Count(c => c.Error is not null);
            return ExitCodes.For(new RunVerdict(Failed: failed.Count + errors));
        });
        return command;
    }
}
