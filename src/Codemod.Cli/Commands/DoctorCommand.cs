using System.CommandLine;
using Codemod.Cli.Options;
using Codemod.Cli.Rendering;
using Codemod.Core.Engine;
using Codemod.Core.Settings;
using Codemod.Git;
using Codemod.Python;
using Spectre.Console;

namespace Codemod.Cli.Commands;

/// <summary><c>codemod doctor</c>: is everything the engine needs installed, which versions, and the one line to fix what is not.</summary>
internal static class DoctorCommand
{
    private enum Status
    {
        Ok,
        Warning,
        Missing,
    }

    public static Command Create(CliContext context)
    {
        var options = new DoctorOptions();
        var command = options.AddTo(new Command("doctor", "Check python, LibCST, git and the modules the codemods import: found, versions, how to fix what is missing"));
        command.SetAction((parse, cancellationToken) => RunAsync(options.Resolve(parse, context.Environment), context, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(DoctorSettings doctor, CliContext context, CancellationToken cancellationToken)
    {
        var settings = doctor.Python;
        var python = settings.PythonExecutable;
        var source = doctor.PythonSource.Layer == SettingLayer.Default ? "python3 on PATH" : doctor.PythonSource.Where;
        var probe = PythonProbe.Check(python);
        var git = new GitCli(context.Environment.CurrentDirectory).Run("--version");
        var rows = new List<(string Name, Status Status, string Detail)>
        {
            ("python", probe.PythonVersion is null ? Status.Missing : Status.Ok, probe.PythonVersion is null
                ? $"'{python}' ({source}) not found: install Python 3.9+ or pass --python PATH"
                : $"{probe.PythonVersion} at {probe.Executable ?? python} ({source})"),
            Libcst(python, probe.LibcstVersion),
            ("git", git.Succeeded ? Status.Ok : Status.Missing, git.Succeeded ? git.StandardOutput.Trim().Replace("git version ", string.Empty, StringComparison.Ordinal) : "not found: install git (needed for discovery in work trees, --commit, history, rollback)"),
            ("libgit2", GitRepository.LibGit2Version().StartsWith("not loadable", StringComparison.Ordinal) ? Status.Warning : Status.Ok, GitRepository.LibGit2Version() + ": reads history; the git CLI touches work tree and index"),
            ("codemods", Directory.Exists(PythonSettings.BundledCodemodDirectory) ? Status.Ok : Status.Missing, PythonSettings.BundledCodemodDirectory),
        };
        rows.InsertRange(2, WorkerHost(settings));
        if (probe.LibcstVersion is not null)
        {
            try
            {
                rows.AddRange(await RequiredModulesAsync(doctor, cancellationToken));
            }
            catch (EnvironmentMissing e)
            {
                rows.Add(("workers", Status.Missing, $"the Python worker does not start: {e.Message}"));
            }
        }

        var console = OutputConsole.Create(context.Output, doctor.Style.Stdout.Enabled, context.Environment);
        var table = new Table().AddColumns("check", "status", "detail");
        foreach (var (name, status, detail) in rows)
        {
            table.AddRow(Markup.Escape(name), status switch { Status.Ok => "[green]ok[/]", Status.Warning => "[yellow]warning[/]", _ => "[red]missing[/]" }, Markup.Escape(detail));
        }

        console.Write(table);
        context.Output.Flush();
        return ExitCodes.For(new RunVerdict(EnvironmentMissing: rows.Any(r => r.Status == Status.Missing)));
    }

    // The shared libpython the pythonnet host embeds, and which host the workers will use and why.
    private static List<(string Name, Status Status, string Detail)> WorkerHost(PythonSettings settings)
    {
        var rows = new List<(string Name, Status Status, string Detail)>();
        var interpreter = InterpreterInfo.Probe(settings);
        if (interpreter is not null)
        {
            rows.Add(interpreter.SharedLibrary is { } library
                ? ("libpython", Status.Ok, library)
                : ("libpython", Status.Warning, $"{interpreter.Describe()}: {interpreter.NoLibraryReason}"));
        }

        try
        {
            var host = HostChoice.Decide(interpreter, settings.Host, settings.HostSource);
            var name = host.Kind == WorkerHostKind.Pythonnet ? "pythonnet (CPython embedded in a .NET worker)" : "python (a python3 subprocess per worker)";
            rows.Add(("worker host", host.Notice is null ? Status.Ok : Status.Warning, $"{name}: {host.Why}"));
        }
        catch (Exception e) when (e is UserError or EnvironmentMissing)
        {
            rows.Add(("worker host", Status.Missing, e.Message));
        }

        return rows;
    }

    private static (string, Status, string) Libcst(string python, string? version) => version switch
    {
        null => ("libcst", Status.Missing, $"not importable by {python}: run `{PythonProbe.InstallCommand(python)}`"),
        PythonProbe.TestedLibcst => ("libcst", Status.Ok, $"{version} (the version the tests pin)"),
        _ => ("libcst", Status.Warning, $"{version} is untested (the tests pin {PythonProbe.TestedLibcst}): run `{PythonProbe.InstallCommand(python)}`"),
    };

    // The modules codemods make changed files import (the environment accessor's, say) must exist in the project.
    private static async Task<List<(string, Status, string)>> RequiredModulesAsync(DoctorSettings doctor, CancellationToken cancellationToken)
    {
        var root = doctor.Root;
        if (!Directory.Exists(root))
        {
            throw new UserError($"--root '{doctor.GivenRoot}' is not a folder");
        }

        var arguments = doctor.Arguments;
        var rows = new List<(string, Status, string)>();
        await using var session = new CodemodSession(doctor.Python);
        foreach (var codemod in (await session.Runner.ListCodemodsAsync(cancellationToken)).Where(c => c.RequiredModules.Count > 0).OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            // The configuration's defaults for this codemod, with --arg on top, as a run would see them.
            var given = SettingsResolver.Values(doctor.Layers.Arguments(codemod.Name))
                .Concat(arguments)
                .Where(a => codemod.Parameters.Any(p => p.Name == a.Key))
                .GroupBy(a => a.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);
            var missing = MissingModuleCheck.Find(root, codemod, given);
            foreach (var required in codemod.RequiredModules)
            {
                var module = codemod.ValueOf(required.Parameter, given);
                var gap = missing.FirstOrDefault(m => m.Parameter == required.Parameter);
                rows.Add(gap is null
                    ? ($"module for {codemod.Name}", Status.Ok, $"{module} (--arg {required.Parameter}): {ModuleLocator.FileOfModule(root, module ?? string.Empty)}")
                    : ($"module for {codemod.Name}", Status.Warning, $"{module} (--arg {required.Parameter}) is not under {root}: files {codemod.Name} changes would fail to import it; " +
                        (gap.Candidate is null ? $"create {gap.ExpectedFile}, or pass --arg {required.Parameter}=YOUR.MODULE" : $"pass --arg {required.Parameter}={gap.Candidate}")));
            }
        }

        return rows;
    }
}
