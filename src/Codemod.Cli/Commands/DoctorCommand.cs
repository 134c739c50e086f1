using System.CommandLine;
using Codemod.Cli.Options;
using Codemod.Git;
using Codemod.Python;
using Spectre.Console;

namespace Codemod.Cli.Commands;

/// <summary><c>codemod doctor</c>: is everything the engine needs installed, which versions, and the one line to fix what is not.</summary>
internal static class DoctorCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("doctor", "Check python, LibCST and git: found, versions, how to fix what is missing");
        command.SetAction(parse =>
        {
            var python = SettingsResolver.Python(parse, null, context.Environment, null).PythonExecutable;
            var probe = PythonProbe.Check(python);
            var git = new GitCli(context.Environment.CurrentDirectory).Run("--version");
            var rows = new List<(string Name, bool Ok, string Detail)>
            {
                ("python", probe.PythonVersion is not null, probe.PythonVersion ?? $"'{python}' not found: install Python 3.9+ or pass --python PATH"),
                ("libcst", probe.LibcstVersion is not null, probe.LibcstVersion ?? $"not importable by {python}: run `{python} -m pip install libcst`"),
                ("git", git.Succeeded, git.Succeeded ? git.StandardOutput.Trim().Replace("git version ", string.Empty, StringComparison.Ordinal) : "not found: install git (needed for discovery in work trees, --commit, history, rollback)"),
                ("codemods", Directory.Exists(PythonSettings.BundledCodemodDirectory), PythonSettings.BundledCodemodDirectory),
            };
            var console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(context.Output),
                Ansi = SettingsResolver.UseColor(parse, context.Environment, context.Environment.OutputRedirected) ? AnsiSupport.Yes : AnsiSupport.No,
                ColorSystem = SettingsResolver.UseColor(parse, context.Environment, context.Environment.OutputRedirected) ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            });
            var table = new Table().AddColumns("check", "status", "detail");
            foreach (var (name, ok, detail) in rows)
            {
                table.AddRow(Markup.Escape(name), ok ? "[green]ok[/]" : "[red]missing[/]", Markup.Escape(detail));
            }

            console.Write(table);
            context.Output.Flush();
            return rows.All(r => r.Ok) ? ExitCodes.Success : ExitCodes.EnvironmentMissing;
        });
        return command;
    }
}
