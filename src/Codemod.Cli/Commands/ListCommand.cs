using System.CommandLine;
using System.Text.Json;
using Codemod.Cli.Options;
using Codemod.Cli.Rendering;
using Spectre.Console;

namespace Codemod.Cli.Commands;

/// <summary><c>codemod list</c>: every codemod the workers can run, with description, version and parameters.</summary>
internal static class ListCommand
{
    public static Command Create(CliContext context)
    {
        var codemods = new Option<string[]>("--codemods") { Description = "Extra folder of codemods (repeatable)", HelpName = "DIR", Arity = ArgumentArity.ZeroOrMore };
        var format = new Option<string>("--format") { Description = "text (default) or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var all = new Option<bool>("--all") { Description = "Also list LibCST's built-in commands (run them by their dotted path)" };
        var command = new Command("list", "List the available codemods with description, version and parameters") { codemods, format, all };
        CommonOptions.AddConfigTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var python = SettingsResolver.Python(parse, null, context.Environment, SettingsResolver.Layers(parse, null, context.Environment, context.Environment.CurrentDirectory), null) with
            {
                CodemodDirectories = [Codemod.Python.PythonSettings.BundledCodemodDirectory, .. (parse.GetValue(codemods) ?? []).Select(d => Path.GetFullPath(d, context.Environment.CurrentDirectory))],
            };
            await using var session = new CodemodSession(python);
            var found = parse.GetValue(all) ? await session.Runner.ListWithLibcstAsync(cancellationToken) : await session.Runner.ListCodemodsAsync(cancellationToken);
            var list = found.OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
            if (parse.GetValue(format) == "json")
            {
                using var w = new Utf8JsonWriter(context.OutputStream, new JsonWriterOptions { Indented = true });
                JsonSerializer.Serialize(w, new { schemaVersion = 1, codemods = list }, new JsonSerializerOptions(JsonSerializerDefaults.Web));
                w.Flush();
                context.OutputStream.WriteByte((byte)'\n');
                return ExitCodes.Success;
            }

            var color = SettingsResolver.Style(parse, context.Environment).Stdout.Enabled;
            var console = OutputConsole.Create(context.Output, color, context.Environment);
            foreach (var codemod in list)
            {
                console.MarkupLine($"[bold]{Markup.Escape(codemod.Name)}[/] {Markup.Escape(codemod.Version)}{(codemod.Breaking ? " [yellow](breaking)[/]" : string.Empty)}");
                console.MarkupLine($"  {Markup.Escape(codemod.Description)}");
                foreach (var parameter in codemod.Parameters)
                {
                    var detail = parameter.Required ? "required" : $"default: {parameter.Default ?? "(none)"}";
                    console.MarkupLine($"  --arg {Markup.Escape(parameter.Name)}=...  {Markup.Escape(parameter.Help)} [dim]({Markup.Escape(detail)}{(parameter.Multiple ? ", repeatable" : string.Empty)})[/]");
                }
            }

            context.Output.Flush();
            return ExitCodes.Success;
        });
        return command;
    }
}
