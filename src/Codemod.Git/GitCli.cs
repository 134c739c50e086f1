using Codemod.Processes;

namespace Codemod.Git;

/// <summary>Runs the <c>git</c> executable in a fixed environment and returns a <see cref="GitCliResult"/>.</summary>
public sealed class GitCli(string workingDirectory, string gitExecutable = "git")
{
    public string WorkingDirectory { get; } = workingDirectory;

    public GitCliResult Run(params string[] arguments) => Run(arguments, standardInput: null);

    public GitCliResult Run(IReadOnlyList<string> arguments, string? standardInput, IReadOnlyDictionary<string, string>? environment = null)
    {
        // git exports GIT_DIR/GIT_WORK_TREE/GIT_INDEX_FILE to hooks; when we run inside one, inheriting them would point
        // every command at the outer repository. Prompts would hang an unattended run; LC_ALL=C keeps messages parseable.
        var fixedEnvironment = new Dictionary<string, string?>
        {
            ["GIT_DIR"] = null,
            ["GIT_WORK_TREE"] = null,
            ["GIT_INDEX_FILE"] = null,
            ["GIT_TERMINAL_PROMPT"] = "0",
            ["LC_ALL"] = "C",
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            fixedEnvironment[key] = value;
        }

        var result = ProcessRunner.Run(new ProcessRequest(gitExecutable, arguments)
        {
            WorkingDirectory = WorkingDirectory,
            Environment = fixedEnvironment,
            StandardInput = standardInput,
        });
        return new GitCliResult(result.ExitCode, result.StandardOutput, result.StartError ?? result.StandardError) { CouldNotStart = result.StartError is not null };
    }
}
