using System.CommandLine;
using System.Globalization;
using Codemod.Cli.Options;
using Codemod.Cli.Rendering;
using Codemod.Core.Scan;
using Codemod.Core.Settings;

namespace Codemod.Cli.Commands;

/// <summary><c>codemod scan</c>: single-source-of-truth violations across the project, as a table, JSON, SARIF or Markdown, with a ratchet.</summary>
internal static class ScanCommand
{
    private static readonly string[] KnownArguments = ["allow"];

    public static Command Create(CliContext context, TimeProvider? time = null)
    {
        var clock = time ?? TimeProvider.System;
        var options = new CommonOptions();
        var format = new Option<string>("--format") { Description = "table (default), json, sarif (SARIF 2.1.0) or markdown", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "sarif", "markdown");
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to FILE instead of stdout", HelpName = "FILE" };
        var baseline = new Option<string?>("--baseline") { Description = "Compare with an earlier JSON report; exit 3 when any rule's count went up", HelpName = "FILE" };
        var writeBaseline = new Option<string?>("--write-baseline") { Description = "Record this scan as a JSON report in FILE (the next --baseline)", HelpName = "FILE" };
        var today = new Option<string?>("--today") { Description = "The date shim sunsets are judged against (default: today)", HelpName = "YYYY-MM-DD" };
        var command = new Command("scan", "Report single-source-of-truth violations: environment access, duplicate classes, managers, mocks, singletons, expired shims");
        options.AddTo(command);
        foreach (var option in new Option[] { format, output, baseline, writeBaseline, today })
        {
            command.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var arguments = SettingsResolver.Arguments(parse.GetValue(options.Args) ?? []);
            foreach (var unknown in arguments.Keys.Where(a => !KnownArguments.Contains(a)))
            {
                throw new UserError($"scan has no parameter '{unknown}': it takes --arg allow=GLOB (repeatable)");
            }

            var date = Today(parse.GetValue(today), clock);
            var baselinePath = parse.GetValue(baseline);
            var baselineTotals = baselinePath is null ? null : ScanBaselineReader.ReadTotals(FullPath(context, baselinePath), baselinePath);

            var run = await ScanRun.ExecuteAsync(parse, options, "scan", arguments, context, cancellationToken);
            var report = ScanAggregator.Aggregate(run.Scan.Files, date);
            var root = run.Settings.Root;
            var outputPath = parse.GetValue(output);
            if (outputPath is null)
            {
                WriteReport(parse.GetValue(format)!, context.OutputStream, context.Output, root, report, arguments, UseColor(parse, context, context.Environment.OutputRedirected), context.Environment.OutputRedirected);
            }
            else
            {
                WriteFile(FullPath(context, outputPath), stream => WriteReport(parse.GetValue(format)!, stream, null, root, report, arguments, color: false, redirected: true));
            }

            if (parse.GetValue(writeBaseline) is { } recordPath)
            {
                WriteFile(FullPath(context, recordPath), stream => ScanJsonWriter.Write(stream, root, report, arguments));
            }

            ScanRun.WriteSummary(context.Error, "scan", run.Scan, $"{report.Findings.Count} findings");
            var paint = new Paint(UseColor(parse, context, context.Environment.ErrorRedirected));
            BaselineComparison? comparison = null;
            if (baselineTotals is not null)
            {
                comparison = BaselineComparison.Compare(baselineTotals, report);
                BurnDownReporter.Write(context.Error, baselinePath!, comparison, paint);
            }

            return ExitCodes.For(new RunVerdict(Failed: report.Failed.Count, BaselineExceeded: comparison?.Exceeded ?? false));
        });
        return command;
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
    internal static DateOnly Today(string? text, TimeProvider clock)
    {
        if (text is null)
        {
            return DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new UserError($"--today '{text}' is not a date written YYYY-MM-DD");
    }

    private static string FullPath(CliContext context, string path) => Path.GetFullPath(path, context.Environment.CurrentDirectory);

    private static bool UseColor(ParseResult parse, CliContext context, bool redirected) => SettingsResolver.UseColor(parse, context.Environment, redirected);
}
