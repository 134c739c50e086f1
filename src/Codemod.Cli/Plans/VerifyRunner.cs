using Codemod.Core.Plans;
using Codemod.Processes;

namespace Codemod.Cli.Plans;

/// <summary>Runs a plan's verification command through <c>/bin/sh -c</c> in a folder, capturing its output.</summary>
internal sealed class VerifyRunner : IStepVerifier
{
    private const int KeptChars = 64 * 1024;

    public async Task<VerifyResult> VerifyAsync(string command, string directory, CancellationToken cancellationToken)
    {
        // The command gets no input (a verification that waits for a terminal would hang an unattended batch), and
        // one that imports the project must not leave __pycache__ behind: the next run would find an unclean tree.
        var result = await ProcessRunner.RunAsync(
            new ProcessRequest("/bin/sh", ["-c", command])
            {
                WorkingDirectory = directory,
                Environment = new Dictionary<string, string?> { ["PYTHONDONTWRITEBYTECODE"] = "1" },
                CombinedOutputTail = KeptChars,
            },
            cancellationToken).ConfigureAwait(false);
        return new VerifyResult(command, result.ExitCode, result.StartError ?? result.CombinedOutput);
    }
}
