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
        var options = new MroOptions();
        var command = options.AddTo(new Command("mro", "Show the bases and C3 method resolution order of matching classes"));
        command.SetAction((parse, cancellationToken) => RunAsync(options.Resolve(parse, context.Environment), context, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(MroSettings settings, CliContext context, CancellationToken cancellationToken)
    {
        var classPattern = settings.Pattern;
        var run = await ScanRun.ExecuteAsync(settings.Engine, "mro", new Dictionary<string, IReadOnlyList<string>>(), context, cancellationToken);
        var report = new MroAnalyzer(ClassIndex.Build(run.Scan.Files)).Analyze(classPattern);
        var failed = run.Scan.Files.Where(f => f.Kind == ScanOutcomeKind.Failed).ToList();
        switch (settings.Format)
        {
            case "json":
                MroJsonWriter.Write(context.OutputStream, classPattern.Text, report, failed);
                break;
            case "mermaid":
                MroMermaidWriter.Write(context.Output, report);
                break;
            default:
                MroTextWriter.Write(context.Output, report, settings.Style.Stdout);
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
    }
}
