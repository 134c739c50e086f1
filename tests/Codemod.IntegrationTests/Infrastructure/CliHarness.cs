using System.Text;
using Codemod.Cli;
using Codemod.Cli.Options;

namespace Codemod.IntegrationTests.Infrastructure;

/// <summary>Runs the real CLI in-process (real workers, real git) with captured stdout bytes and stderr text.</summary>
public static class CliHarness
{
    public sealed record CliResult(int ExitCode, byte[] StdoutBytes, string Stderr)
    {
        public string Stdout => Encoding.UTF8.GetString(StdoutBytes);

        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
    }

    public static async Task<CliResult> RunAsync(string workingDirectory, params string[] args) =>
        await RunAsync(workingDirectory, CancellationToken.None, args);

    public static async Task<CliResult> RunAsync(string workingDirectory, CancellationToken cancellationToken, params string[] args) =>
        await RunAsync(workingDirectory, TimeProvider.System, cancellationToken, args);

    /// <summary>Runs with a controlled clock: run ids, tag names and BREAKING_CHANGES.md dates follow it.</summary>
    public static async Task<CliResult> RunAsync(string workingDirectory, TimeProvider time, params string[] args) =>
        await RunAsync(workingDirectory, time, CancellationToken.None, args);

    /// <summary>Runs as a user without <c>CODEMOD_HOST</c> would: for tests of how the worker host is chosen.</summary>
    public static async Task<CliResult> RunWithDefaultHostAsync(string workingDirectory, params string[] args) =>
        await RunAsync(workingDirectory, TimeProvider.System, CancellationToken.None, args, honourHostVariable: false);

    /// <summary>Runs with workers of its own, started and shut down by this run alone, as a command line does: for tests that count worker starts.</summary>
    public static async Task<CliResult> RunWithOwnWorkersAsync(string workingDirectory, params string[] args) =>
        await RunAsync(workingDirectory, TimeProvider.System, CancellationToken.None, args, sharedWorkers: false);

    private static async Task<CliResult> RunAsync(string workingDirectory, TimeProvider time, CancellationToken cancellationToken, string[] args, bool honourHostVariable = true, bool sharedWorkers = true)
    {
        using var stdout = new MemoryStream();
        using var stderr = new StringWriter();
        // CODEMOD_HOST=python runs the whole suite under the subprocess host (the default is the pythonnet host).
        // One core, so one worker by default: a worker costs about 1.5 s of CPU to start, more than a test's few files
        // need, and the test classes already run side by side. A test about several workers passes -j.
        var environment = new EnvironmentSnapshot(NoColor: true, Python: null, CurrentDirectory: workingDirectory, OutputRedirected: true, ErrorRedirected: true)
        {
            Host = honourHostVariable && Environment.GetEnvironmentVariable("CODEMOD_HOST") is { Length: > 0 } host ? host : null,
            ProcessorCount = 1,
            Workers = sharedWorkers ? SharedWorkers.Pools : null,
        };
        var code = await CliApp.RunAsync(args, new CliContext(stdout, stderr, environment) { Time = time }, cancellationToken);
        return new CliResult(code, stdout.ToArray(), stderr.ToString());
    }
}
