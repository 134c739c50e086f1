using Codemod.Processes;

namespace Codemod.Cli.Interactive;

/// <summary>Python's own compiler on a hand-edited text: the gate a codemod's output passes, applied to the reviewer's edit.</summary>
internal static class CompileGate
{
    // The text travels as a file: it may be in any encoding its PEP 263 cookie names, and stdin is text.
    private const string Script =
        "import sys\n" +
        "try:\n" +
        "    compile(open(sys.argv[1], 'rb').read(), sys.argv[2], 'exec', dont_inherit=True)\n" +
        "except SyntaxError as e:\n" +
        "    print(f'line {e.lineno}: {e.msg}'); sys.exit(1)\n" +
        "except Exception as e:\n" +
        "    print(f'{type(e).__name__}: {e}'); sys.exit(1)\n";

    public static async Task<string?> ProblemAsync(string python, string path, byte[] text, CancellationToken cancellationToken)
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(file, text, cancellationToken).ConfigureAwait(false);
            var result = await ProcessRunner.RunAsync(new ProcessRequest(python, ["-c", Script, file, path]) { Timeout = TimeSpan.FromMinutes(1) }, cancellationToken).ConfigureAwait(false);
            return result.ExitCode == 0 ? null : FirstLine(result.StandardOutput) ?? result.StartError ?? FirstLine(result.StandardError) ?? $"python exited with code {result.ExitCode}";
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string? FirstLine(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
}
