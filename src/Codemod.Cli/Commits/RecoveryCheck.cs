using Codemod.Core.Apply;
using Codemod.Core.Settings;
using Codemod.Core.Vcs;
using Codemod.Git;

namespace Codemod.Cli.Commits;

/// <summary>The check every command makes for runs a crash interrupted: writing commands refuse, the others warn.</summary>
internal static class RecoveryCheck
{
    /// <summary>Throws <see cref="UserError"/> when the repository holds an interrupted run: nothing may write over it.</summary>
    public static void RefuseIfPending(GitRepository repository) =>
        RefuseIfPending(RunJournal.DirectoryFor(repository.GitDirectory, repository.Root), repository, repository.Root);

    /// <summary>The same for a run outside git, whose journal lives in the root.</summary>
    public static void RefuseIfPending(string journalDirectory, GitRepository? repository, string root)
    {
        var pending = new RunRecovery(journalDirectory, repository).Pending();
        if (pending.Count > 0)
        {
            var command = repository is null ? $"codemod recover --root {root}" : "codemod recover";
            throw new UserError($"{Describe(pending)} was found in {root}: run `{command}` first (it completes or undoes it exactly)");
        }
    }

    /// <summary>One warning line when the current folder's repository (or folder, outside git) holds an interrupted run.</summary>
    public static void WarnIfPending(string directory, TextWriter error)
    {
        try
        {
            var repository = GitRepository.Open(directory);
            var journals = RunJournal.DirectoryFor(repository?.GitDirectory, repository?.Root ?? directory);
            if (!Directory.Exists(journals))
            {
                return;
            }

            var pending = new RunRecovery(journals, repository).Pending();
            if (pending.Count > 0)
            {
                error.WriteLine($"codemod: warning: {Describe(pending)} was found: run `codemod recover` to complete or undo it");
            }
        }
        catch (Exception e) when (e is UserError or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"codemod: warning: {e.Message}");
        }
    }

    private static string Describe(IReadOnlyList<RunJournal> pending)
    {
        var first = pending[0].State;
        var more = pending.Count > 1 ? $" (and {pending.Count - 1} more)" : string.Empty;
        return $"an interrupted {first.Kind} {first.Id} (stopped at {first.Phase}){more}";
    }
}
