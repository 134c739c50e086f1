using System.CommandLine;
using Codemod.Cli.Options;
using Codemod.Cli.Rendering;
using Codemod.Core.Scan;
using Codemod.Core.Settings;

namespace Codemod.Cli.Commands;

/// <summary><c>codemod scan</c>: single-source-of-truth violations across the project, as a table, JSON, SARIF or Markdown, with a ratchet.</summary>
internal static class ScanCommand
{
    public static Command Create(CliContext context, TimeProvider? time = null)
    {
        var clock = time ?? TimeProvider.System;
        var options = new ScanOptions();
        var command = options.AddTo(new Command("scan", "Report single-source-of-truth violations: environment access, duplicate classes, managers, mocks, singletons, expired shims"));
        command.SetAction((parse, cancellationToken) => RunAsync(options.Resolve(parse, context.Environment, clock), context, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ScanSettings settings, CliContext context, CancellationToken cancellationToken)
    {
        var baselineTotals = settings.Baseline is { } baseline ? ScanBaselineReader.ReadTotals(baseline.Full, baseline.Given) : null;
        // SARIF, like JSON, is read by programs: the same silence on stderr.
        var mode = ProgressDisplay.Mode(context.Environment, settings.Style.Stderr, machineOutput: settings.Format is "json" or "sarif");
        var run = await ScanRun.ExecuteAsync(settings.Engine, "scan", settings.Arguments, context, cancellationToken, ProgressDisplay.Create(context, mode, "scan", countsChanges: false));
        var report = ScanAggregator.Aggregate(run.Scan.Files, settings.Today);
        var root = run.Settings.Root;
        if (settings.Output is null)
        {
            WriteReport(settings.Format, context.OutputStream, context.Output, root, report, settings.Arguments, settings.Style.Stdout.Enabled, context.Environment.OutputRedirected);
        }
        else
        {
            WriteFile(settings.Output, stream => WriteReport(settings.Format, stream, null, root, report, settings.Arguments, color: false, redirected: true));
        }

        if (settings.WriteBaseline is { } recordPath)
        {
            WriteFile(recordPath, stream => ScanJsonWriter.Write(stream, root, report, settings.Arguments));
        }

        ScanRun.WriteSummary(context.Error, "scan", run.Scan, $"{report.Findings.Count} findings");
        BaselineComparison? comparison = null;
        if (baselineTotals is not null)
        {
            comparison = BaselineComparison.Compare(baselineTotals, report);
            BurnDownReporter.Write(context.Error, settings.Baseline!.Value.Given, comparison, settings.Style.Stderr);
        }

        return ExitCodes.For(new RunVerdict(Failed: report.Failed.Count, BaselineExceeded: comparison?.Exceeded ?? false));
    }

    private static void WriteReport(string format, Stream stream, TextWriter? text, string root, ScanReport report, IReadOnlyDictionary<string, IReadOnlyList<string>> arguments, bool color, bool redirected)
    {
        switch (format)
        {
            case "json":
                ScanJsonWriter.Write(stream, root, report, arguments);
                break;
            case "sarif":
                ScanSarifWriter.Write(stream, root, report);
                break;
            default:
                var writer = text ?? new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
                if (format == "markdown")
                {
                    ScanMarkdownWriter.Write(writer, report);
                }
                else
                {
                    ScanTableRenderer.Write(writer, report, color, redirected);
                }

                writer.Flush();
                if (text is null)
                {
                    writer.Dispose();
                }

                break;
        }
    }

    private static void WriteFile(string path, Action<Stream> write)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
            write(stream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserError($"cannot write '{path}': {e.Message}");
        }
    }

    /// <summary>The day that decides expired shims: <c>--today</c> when given, else the clock's.</summary>
    internal static DateOnly Today(string? text, TimeProvider clock) => ScanOptions.ParseToday(text, clock);
}
