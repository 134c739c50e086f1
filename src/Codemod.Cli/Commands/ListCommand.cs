using System.CommandLine;
using Codemod.Cli.Options;
using Codemod.Cli.Rendering;
using Spectre.Console;

namespace Codemod.Cli.Commands;

/// <summary><c>codemod list</c>: every codemod the workers can run, with description, version and parameters.</summary>
internal static class ListCommand
{
    public static Command Create(CliContext context)
    {
        var options = new ListOptions();
        var command = options.AddTo(new Command("list", "List the available codemods with description, version and parameters"));
        command.SetAction((parse, cancellationToken) => RunAsync(options.Resolve(parse, context.Environment), context, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ListSettings settings, CliContext context, CancellationToken cancellationToken)
    {
        var python = settings.Python;
        await using var session = new CodemodSession(python);
        var found = settings.All ? await session.Runner.ListWithLibcstAsync(cancellationToken) : await session.Runner.ListCodemodsAsync(cancellationToken);
        var list = found.OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        if (settings.Json)
        {
            DocumentJson.Write(context.OutputStream, CodemodListDocument.From(list), DocumentJson.Escaped.CodemodListDocument);
            return ExitCodes.For(new RunVerdict());
        }

        var color = settings.Style.Stdout.Enabled;
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
        return ExitCodes.For(new RunVerdict());
    }
}
