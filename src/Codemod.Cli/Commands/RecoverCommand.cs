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
        var root = new Option<string?>("--root") { Description = "The repository (any folder inside it) or, outside git, the root the run wrote to (default: the current folder)" };
        var command = new Command("recover", "Finish or undo a run interrupted by a crash (kill -9, power loss): the full run committed and tagged, or the pre-run tree") { root };
        command.SetAction(parse =>
        {
            var folder = Path.GetFullPath(parse.GetValue(root) ?? ".", context.Environment.CurrentDirectory);
            if (!Directory.Exists(folder))
            {
                throw new UserError($"--root '{parse.GetValue(root)}' is not a folder");
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
        });
        return command;
    }
}
