using Codemod.Processes;

namespace Codemod.IntegrationTests.Infrastructure;

/// <summary>Runs <c>python3</c> in a folder, writing no bytecode (so a git tree stays clean): the exit code, and stdout followed by stderr.</summary>
public static class PythonRun
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string directory, params string[] arguments)
    {
        var result = await ProcessRunner.RunAsync(
            new ProcessRequest("python3", arguments) { WorkingDirectory = directory, Environment = new Dictionary<string, string?> { ["PYTHONDONTWRITEBYTECODE"] = "1" } },
            CancellationToken.None);
        return (result.ExitCode, result.StandardOutput + result.StandardError);
    }
}
