using Codemod.Core.Plans;

namespace Codemod.Tests.Plans;

/// <summary>A verification without a process: records where it ran and what the folder held, then answers as told.</summary>
internal sealed class FakeStepVerifier(Func<string, string, int>? exitCode = null) : IStepVerifier
{
    /// <summary>(command, directory, the folder's files and text at that moment) for every call, in order.</summary>
    public List<(string Command, string Directory, IReadOnlyDictionary<string, string> Files)> Calls { get; } = [];

    public Task<VerifyResult> VerifyAsync(string command, string directory, CancellationToken cancellationToken)
    {
        var files = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(directory, f).Replace(Path.DirectorySeparatorChar, '/'), File.ReadAllText, StringComparer.Ordinal);
        Calls.Add((command, directory, files));
        var code = exitCode?.Invoke(command, directory) ?? 0;
        return Task.FromResult(new VerifyResult(command, code, code == 0 ? "ok\n" : "1 test failed\n"));
    }
}
