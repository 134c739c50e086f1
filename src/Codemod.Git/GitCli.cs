using System.Diagnostics;
using System.Text;

namespace Codemod.Git;

/// <summary>Runs the <c>git</c> executable in a fixed environment and returns a <see cref="GitCliResult"/>.</summary>
public sealed class GitCli(string workingDirectory, string gitExecutable = "git")
{
    public string WorkingDirectory { get; } = workingDirectory;

    public GitCliResult Run(params string[] arguments) => Run(arguments, standardInput: null);

    public GitCliResult Run(IReadOnlyList<string> arguments, string? standardInput, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(gitExecutable)
        {
            WorkingDirectory = WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            // No BOM: git would read it as part of the first path or message line.
            StandardInputEncoding = new UTF8Encoding(false),
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // git exports GIT_DIR/GIT_WORK_TREE/GIT_INDEX_FILE to hooks; when we run inside one, inheriting them would point
        // every command at the outer repository. Prompts would hang an unattended run; LC_ALL=C keeps messages parseable.
        info.Environment.Remove("GIT_DIR");
        info.Environment.Remove("GIT_WORK_TREE");
        info.Environment.Remove("GIT_INDEX_FILE");
        info.Environment["GIT_TERMINAL_PROMPT"] = "0";
        info.Environment["LC_ALL"] = "C";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        try
        {
            using var process = Process.Start(info)!;
            // Both streams are drained concurrently: a full stderr pipe would block git while we wait on stdout.
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (standardInput is not null)
            {
                process.StandardInput.Write(standardInput);
            }

            process.StandardInput.Close();
            process.WaitForExit();
            return new GitCliResult(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new GitCliResult(127, string.Empty, $"cannot run {gitExecutable}: {e.Message}");
        }
    }
}
