using System.CommandLine;
using System.Globalization;
using Codemod.Cli.Options;
using Codemod.Core.Planning;
using Codemod.Core.Settings;

namespace Codemod.Cli.Commands;

/// <summary><c>codemod plan suggest</c>: scan the project and write a reviewable plan (YAML on stdout) that removes what the scan found.</summary>
internal static class PlanSuggestCommand
{
    public static Command Create(CliContext context)
    {
        var options = new CommonOptions();
        var sunsetDays = new Option<int>("--sunset-days") { Description = "Days until the sunset of the deprecation shims the plan adds (default 90)", DefaultValueFactory = _ => 90 };
        var expired = new Option<bool>("--expired") { Description = "Only the steps for deprecation shims past their sunset" };
        var canonical = new Option<string[]>("--canonical") { Description = "A class that must be the canonical one of its group, pkg.module.Class (repeatable)", HelpName = "DOTTED", Arity = ArgumentArity.ZeroOrMore };
        var factory = new Option<string[]>("--factory") { Description = "The factory of a singleton: SINGLETON=FACTORY, both dotted (repeatable); its step is written enabled", HelpName = "SINGLETON=FACTORY", Arity = ArgumentArity.ZeroOrMore };
        var config = new Option<string?>("--config") { Description = "YAML file of recorded decisions: 'canonical:' (list of classes) and 'factories:' (singleton: factory)", HelpName = "FILE" };
        var today = new Option<string?>("--today") { Description = "The date sunsets are counted from and judged against (default: today)", HelpName = "YYYY-MM-DD" };
        var command = new Command("suggest", "Write a plan (YAML on stdout) from the scan's findings, the canonical choices explained in comments");
        options.AddTo(command);
        foreach (var option in new Option[] { sunsetDays, expired, canonical, factory, config, today })
        {
            command.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var arguments = SettingsResolver.Arguments(parse.GetValue(options.Args) ?? []);
            foreach (var unknown in arguments.Keys.Where(a => a != "allow"))
            {
                throw new UserError($"plan suggest has no parameter '{unknown}': it takes --arg allow=GLOB (repeatable), as scan does");
            }

            var days = parse.GetValue(sunsetDays);
            if (days < 1)
            {
                throw new UserError($"--sunset-days {days} must be at least 1");
            }

            var recorded = parse.GetValue(config) is { } configPath ? ReadConfig(context, configPath) : null;
            var factories = new Dictionary<string, string>(recorded?.Factories ?? new Dictionary<string, string>(), StringComparer.Ordinal);
            foreach (var (singleton, named) in Factories(parse.GetValue(factory) ?? []))
            {
                factories[singleton] = named;
            }

            var settings = new PlannerSettings(
                ScanCommand.Today(parse.GetValue(today), context.Time),
                days,
                parse.GetValue(expired),
                [.. (recorded?.Canonical ?? []).Concat((parse.GetValue(canonical) ?? []).Select(c => c.Trim()))],
                factories);
            var run = await ScanRun.ExecuteAsync(parse, options, "plan suggest", arguments, context, cancellationToken);
            var plan = RemediationPlanner.Suggest(run.Scan.Files, settings);
            context.Output.Write(PlanYamlWriter.Write(plan));
            context.Output.Flush();
            var enabled = plan.Steps.Count(s => !s.Disabled);
            ScanRun.WriteSummary(context.Error, "plan suggest", run.Scan,
                $"{enabled} step(s) and {plan.Steps.Count - enabled} commented out, {plan.FindingsBefore} findings -> {plan.FindingsAfter} expected, {plan.Reviews.Count} left for review");
            return ExitCodes.Success;
        });
        return command;
    }

    private static PlanSuggestConfig ReadConfig(CliContext context, string path)
    {
        try
        {
            return PlanSuggestConfig.Parse(File.ReadAllText(Path.GetFullPath(path, context.Environment.CurrentDirectory)), path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserError($"cannot read --config {path}: {e.Message}");
        }
    }

    private static Dictionary<string, string> Factories(IEnumerable<string> pairs)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var cut = pair.IndexOf('=');
            if (cut <= 0 || cut == pair.Length - 1)
            {
                throw new UserError($"--factory '{pair}' must be SINGLETON=FACTORY, e.g. pkg.registry.get_registry=pkg.factory.RegistryFactory.create");
            }

            map[pair[..cut].Trim()] = pair[(cut + 1)..].Trim();
        }

        return map;
    }
}
