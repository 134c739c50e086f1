using System.CommandLine;
using Codemod.Cli.Commands;
using Codemod.Cli.Options;
using Codemod.Core.Settings;

namespace Codemod.Cli;

/// <summary>Builds the command tree and runs one command line; the one place where errors become messages and exit codes.</summary>
internal static class CliApp
{
    public static RootCommand Build(CliContext context)
    {
        var root = new RootCommand("codemod: apply LibCST codemods to Python code bases, preview them, apply them atomically, commit and roll back")
        {
            CommonOptions.Python,
            CommonOptions.Host,
            CommonOptions.Color,
            CommonOptions.Verbose,
            CommonOptions.CacheDir,
            CommonOptions.NoCache,
        };
        foreach (var command in new[]
        {
            ListCommand.Create(context),
            PreviewCommand.Create(context),
            ApplyCommand.Create(context),
            HistoryCommand.Create(context),
            RollbackCommand.Create(context),
            PlanCommand.Create(context),
            DoctorCommand.Create(context),
            ScanCommand.Create(context),
            MroCommand.Create(context),
            RecoverCommand.Create(context),
            CacheCommand.Create(context),
            ConfigCommand.Create(context),
        })
        {
            root.Add(command);
        }

        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        var parse = Build(context).Parse(args);
        var unknown = UnknownOptions.Find(parse);
        if (unknown.Count > 0 || parse.Errors.Count > 0)
        {
            // A mistyped option explains every other error it causes (a missing value, a path that does not exist).
            foreach (var message in unknown.Count > 0 ? unknown : parse.Errors.Select(e => e.Message))
            {
                await context.Error.WriteLineAsync($"codemod: {message}");
            }

            await context.Error.WriteLineAsync("Run `codemod --help` for usage.");
            return ExitCodes.UsageError;
        }

        try
        {
            // A signal cancels the token; once a run writes, it finishes or restores the current phase before exiting
            // (renames and restores take seconds, a commit hook longer), so the process is not killed after 2 s.
            var configuration = new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = context.Output, Error = context.Error, ProcessTerminationTimeout = TimeSpan.FromMinutes(10) };
            // Commands that write refuse on their own, with the same advice; the rest warn.
            if (parse.CommandResult.Command.Name is not ("recover" or "apply" or "plan" or "rollback"))
            {
                Commits.RecoveryCheck.WarnIfPending(context.Environment.CurrentDirectory, context.Error);
            }

            var code = await parse.InvokeAsync(configuration, cancellationToken);
            return code;
        }
        catch (Exception e) when (e is UserError or EnvironmentMissing)
        {
            await context.Error.WriteLineAsync($"codemod: error: {e.Message}");
            return ExitCodes.For(e);
        }
        catch (OperationCanceledException)
        {
            await context.Error.WriteLineAsync("codemod: interrupted; nothing was written");
            return ExitCodes.Interrupted;
        }
        catch (Exception e)
        {
            await context.Error.WriteLineAsync(parse.GetValue(CommonOptions.Verbose)
                ? $"codemod: unexpected error: {e}"
                : $"codemod: unexpected error: {e.GetType().Name}: {e.Message} (run with --verbose for the stack trace, and report it)");
            return ExitCodes.InternalError;
        }
        finally
        {
            await context.Output.FlushAsync(CancellationToken.None);
            await context.OutputStream.FlushAsync(CancellationToken.None);
        }
    }
}
