using System.CommandLine;
using Codemod.Cli.Options;
using Codemod.Core.Apply;
using Codemod.Core.Settings;
using Codemod.Core.Vcs;
using Codemod.Git;

namespace Codemod.Cli.Commands;

/// <summary><c>codemod recover</c>: finds runs a crash interrupted (from their journals) and completes or undoes each exactly.</summary>
internal static class RecoverCommand
{
    public static Command Create(CliContext context)
    {
        var options = new RepositoryOptions("The repository (any folder inside it) or, outside git, the root the run wrote to (default: the current folder)", withFormat: false);
        var command = options.AddTo(new Command("recover", "Finish or undo a run interrupted by a crash (kill -9, power loss): the full run committed and tagged, or the pre-run tree"));
        command.SetAction(parse => Run(options.Resolve(parse, context.Environment), context));
        return command;
    }

    private static int Run(RepositorySettings settings, CliContext context)
    {
        var folder = settings.Folder;
        if (!Directory.Exists(folder))
        {
            throw new UserError($"--root '{settings.GivenRoot}' is not a folder");
        }

        var repository = GitRepository.Open(folder);
        using var held = repository is null ? null : RepositoryLock.Acquire(repository.GitDirectory);
        var recovery = new RunRecovery(RunJournal.DirectoryFor(repository?.GitDirectory, repository?.Root ?? folder), repository);
        var (lines, complete) = recovery.Recover();
        if (lines.Count == 0)
        {
            context.Error.WriteLine("nothing to recover: no interrupted run was found");
        }

        foreach (var line in lines)
        {
            context.Error.WriteLine(line);
        }

        return ExitCodes.For(new RunVerdict(WriteFailed: !complete));
    }
}
