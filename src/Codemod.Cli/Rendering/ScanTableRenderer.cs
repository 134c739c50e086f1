using System.Globalization;
using Codemod.Core.Scan;
using Spectre.Console;

namespace Codemod.Cli.Rendering;

/// <summary>The scan on a terminal: counts per rule, per top-level package, the worst files, and what could not be scanned.</summary>
internal static class ScanTableRenderer
{
    private const int WorstFiles = 10;
    private const int UnscannedListed = 20;

    // Redirected output has no terminal width; 120 columns keeps the package table on one line per package.
    private const int RedirectedWidth = 120;

    public static void Write(TextWriter output, ScanReport report, bool color, bool redirected)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = color ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = color ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (redirected)
        {
            console.Profile.Width = RedirectedWidth;
        }

        console.MarkupLine($"[bold]SSOT scan[/] {report.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}: {report.FilesScanned} of {report.FilesFound} files scanned, " +
            $"[bold]{report.Findings.Count} findings[/], {Count(report.Failed.Count, "red", "failed")}, {report.Skipped.Count} skipped{Suppressed(report)}");

        var rules = new Table().Title("findings by rule").AddColumns("rule", "level", "findings", "production", "test", "groups", "what it finds");
        foreach (var index in new[] { 2, 3, 4, 5 })
        {
            rules.Columns[index].RightAligned();
        }

        foreach (var total in report.Totals)
        {
            rules.AddRow(Markup.Escape(total.Rule.Id), Level(total.Rule.Level), Number(total.Count), Number(total.Production), Number(total.Test), Number(total.Groups), Markup.Escape(total.Rule.ShortDescription));
        }

        console.Write(rules);
        if (report.Packages.Count > 0)
        {
            var packages = new Table().Title("by top-level package").AddColumn(new TableColumn("package").NoWrap()).AddColumn(new TableColumn("findings").RightAligned()).AddColumn("rules");
            foreach (var package in report.Packages)
            {
                packages.AddRow(Markup.Escape(package.Package), Number(package.Total), Markup.Escape(Breakdown(package.ByRule)));
            }

            console.Write(packages);
            var worst = new Table().Title($"worst {Math.Min(WorstFiles, report.WorstFiles(WorstFiles).Count)} files").AddColumn("file").AddColumn(new TableColumn("findings").RightAligned()).AddColumn("rules");
            foreach (var file in report.WorstFiles(WorstFiles))
            {
                worst.AddRow(Markup.Escape(file.Path), Number(file.Total), Markup.Escape(Breakdown(file.ByRule)));
            }

            console.Write(worst);
        }

        foreach (var file in report.Failed.Take(UnscannedListed))
        {
            console.MarkupLine($"[red]failed[/]  {Markup.Escape(file.Path)}{(file.Line is { } l ? $":{l}" : string.Empty)}: {Markup.Escape(file.Reason ?? string.Empty)}");
        }

        foreach (var file in report.Skipped.Take(UnscannedListed))
        {
            console.MarkupLine($"[dim]skipped[/] {Markup.Escape(file.Path)}: {Markup.Escape(file.Reason ?? string.Empty)}");
        }

        var more = Math.Max(0, report.Failed.Count - UnscannedListed) + Math.Max(0, report.Skipped.Count - UnscannedListed);
        if (more > 0)
        {
            console.MarkupLine($"… and {more} more unscanned files (see --format json)");
        }

        output.Flush();
    }

    private static string Breakdown(IReadOnlyDictionary<string, int> byRule) => string.Join(", ", byRule.Select(r => $"{r.Key} {r.Value}"));

    private static string Number(int value) => value == 0 ? "[dim]0[/]" : value.ToString(CultureInfo.InvariantCulture);

    private static string Count(int value, string color, string label) => value == 0 ? $"0 {label}" : $"[{color}]{value} {label}[/]";

    private static string Level(FindingLevel level) => level switch
    {
        FindingLevel.Error => "[red]error[/]",
        FindingLevel.Warning => "[yellow]warning[/]",
        _ => "note",
    };

    // Only when there are some: a report without suppression comments reads as before.
    private static string Suppressed(ScanReport report) =>
        report.Suppressed.Count > 0 ? $", {report.Suppressed.Count} suppressed by # codemod: ignore" : string.Empty;
}
