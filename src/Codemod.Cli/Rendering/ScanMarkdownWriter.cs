using System.Globalization;
using Codemod.Core.Scan;

namespace Codemod.Cli.Rendering;

/// <summary>The scan as a Markdown report for people: totals per rule, top offenders, a per-package breakdown, duplicate groups, unscanned files.</summary>
internal static class ScanMarkdownWriter
{
    private const int TopOffenders = 10;
    private const int GroupsListed = 50;

    public static void Write(TextWriter output, ScanReport report)
    {
        output.NewLine = "\n";
        output.WriteLine("# SSOT scan report");
        output.WriteLine();
        output.WriteLine($"Scanned **{report.FilesScanned}** of {report.FilesFound} Python files on {report.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}: " +
            $"**{report.Findings.Count} findings**, {report.Failed.Count} files failed to parse, {report.Skipped.Count} skipped" +
            (report.Suppressed.Count > 0 ? $", {report.Suppressed.Count} findings suppressed by `# codemod: ignore`." : "."));
        if (report.Failed.Count > 0)
        {
            output.WriteLine();
            output.WriteLine($"> **{report.Failed.Count} files could not be scanned** (listed at the end): their findings are not counted.");
        }

        output.WriteLine();
        output.WriteLine("## Findings by rule");
        output.WriteLine();
        output.WriteLine("| Rule | Level | Findings | Production | Test | Groups | What it finds |");
        output.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | --- |");
        foreach (var total in report.Totals)
        {
            output.WriteLine($"| `{total.Rule.Id}` | {total.Rule.Level.ToString().ToLowerInvariant()} | {total.Count} | {total.Production} | {total.Test} | {total.Groups} | {Cell(total.Rule.ShortDescription)} |");
        }

        WriteEnvForms(output, report);
        WriteTopOffenders(output, report);
        WritePackages(output, report);
        WriteGroups(output, report);
        WriteOthers(output, report);
        WriteUnscanned(output, report);
    }

    private static void WriteEnvForms(TextWriter output, ScanReport report)
    {
        if (report.EnvAccessByForm.Count == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine("### env-access by form");
        output.WriteLine();
        output.WriteLine("| Form | Count |");
        output.WriteLine("| --- | ---: |");
        foreach (var (form, count) in report.EnvAccessByForm)
        {
            output.WriteLine($"| `{form}` | {count} |");
        }
    }

    private static void WriteTopOffenders(TextWriter output, ScanReport report)
    {
        output.WriteLine();
        output.WriteLine("## Top offenders");
        output.WriteLine();
        var worst = report.WorstFiles(TopOffenders);
        if (worst.Count == 0)
        {
            output.WriteLine("No findings.");
            return;
        }

        output.WriteLine("| File | Findings | Rules |");
        output.WriteLine("| --- | ---: | --- |");
        foreach (var file in worst)
        {
            output.WriteLine($"| `{Cell(file.Path)}` | {file.Total} | {string.Join(", ", file.ByRule.Select(r => $"{r.Key} {r.Value}"))} |");
        }
    }

    private static void WritePackages(TextWriter output, ScanReport report)
    {
        output.WriteLine();
        output.WriteLine("## By top-level package");
        output.WriteLine();
        if (report.Packages.Count == 0)
        {
            output.WriteLine("No findings.");
            return;
        }

        output.WriteLine($"| Package | Total | {string.Join(" | ", report.Rules.Select(r => $"`{r.Id}`"))} |");
        output.WriteLine($"| --- | ---: | {string.Join(" | ", report.Rules.Select(_ => "---:"))} |");
        foreach (var package in report.Packages)
        {
            output.WriteLine($"| `{Cell(package.Package)}` | {package.Total} | {string.Join(" | ", report.Rules.Select(r => package.ByRule.GetValueOrDefault(r.Id).ToString(CultureInfo.InvariantCulture)))} |");
        }
    }

    private static void WriteGroups(TextWriter output, ScanReport report)
    {
        var grouped = report.Findings.Where(f => f.Group is not null).GroupBy(f => f.Group!, StringComparer.Ordinal).ToList();
        if (grouped.Count == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine("## Duplicate groups");
        foreach (var rule in report.Rules)
        {
            var groups = grouped.Where(g => g.First().Rule == rule.Id)
                .OrderByDescending(g => g.Count())
                .ThenBy(g => g.Key, StringComparer.Ordinal)
                .ToList();
            if (groups.Count == 0)
            {
                continue;
            }

            output.WriteLine();
            output.WriteLine($"### `{rule.Id}` ({groups.Count} groups)");
            output.WriteLine();
            foreach (var group in groups.Take(GroupsListed))
            {
                output.WriteLine($"- `{Cell(group.Key)}` ({group.Count()}): {string.Join(", ", group.Select(f => $"`{f.Path}:{f.Line}`"))}");
            }

            if (groups.Count > GroupsListed)
            {
                output.WriteLine($"- … and {groups.Count - GroupsListed} more groups (see `--format json`)");
            }
        }
    }

    private static void WriteOthers(TextWriter output, ScanReport report)
    {
        foreach (var rule in new[] { ScanRules.ExpiredShim, ScanRules.Singleton })
        {
            var findings = report.Findings.Where(f => f.Rule == rule.Id).ToList();
            if (findings.Count == 0)
            {
                continue;
            }

            output.WriteLine();
            output.WriteLine($"## `{rule.Id}`");
            output.WriteLine();
            foreach (var finding in findings.Take(GroupsListed))
            {
                output.WriteLine($"- `{finding.Path}:{finding.Line}`: {Cell(finding.Message)}");
            }

            if (findings.Count > GroupsListed)
            {
                output.WriteLine($"- … and {findings.Count - GroupsListed} more (see `--format json`)");
            }
        }
    }

    private static void WriteUnscanned(TextWriter output, ScanReport report)
    {
        if (report.Failed.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("## Files that failed to parse");
            output.WriteLine();
            output.WriteLine("| File | Line | Reason |");
            output.WriteLine("| --- | ---: | --- |");
            foreach (var file in report.Failed)
            {
                output.WriteLine($"| `{Cell(file.Path)}` | {file.Line?.ToString(CultureInfo.InvariantCulture) ?? string.Empty} | {Cell(file.Reason ?? string.Empty)} |");
            }
        }

        if (report.Skipped.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("## Skipped files");
            output.WriteLine();
            output.WriteLine("| File | Reason |");
            output.WriteLine("| --- | --- |");
            foreach (var file in report.Skipped)
            {
                output.WriteLine($"| `{Cell(file.Path)}` | {Cell(file.Reason ?? string.Empty)} |");
            }
        }
    }

    // A '|' would end the table cell; a newline would end the table.
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
