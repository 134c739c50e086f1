using System.Text;
using Codemod.Cli.Interactive;
using Codemod.Core.Changes;

namespace Codemod.Tests.Cli;

/// <summary>Keys typed from a script; running out of keys is a test failure, not a hang.</summary>
internal sealed class ScriptedKeys(string keys) : IKeyReader
{
    private int _next;

    public Task<char> ReadKeyAsync(CancellationToken cancellationToken) =>
        _next < keys.Length ? Task.FromResult(keys[_next++]) : throw new InvalidOperationException($"the review asked for more keys than the script has ({keys.Length})");

    public bool AllRead => _next == keys.Length;
}

/// <summary>Records what the review asks of the engine and answers with what the test set up.</summary>
internal sealed class FakeReviser : IFileReviser
{
    public List<(string Path, IReadOnlySet<int> Lines)> Reruns { get; } = [];

    public Func<FileOutcome, IReadOnlySet<int>, FileOutcome> Rerun { get; set; } = (file, _) => file with { Kind = OutcomeKind.Unchanged, NewBytes = null };

    public Queue<EditResult> Edits { get; } = new();

    public Queue<string?> CompileProblems { get; } = new();

    public List<byte[]> EditorInputs { get; } = [];

    public Task<FileOutcome> RerunAsync(FileOutcome file, IReadOnlySet<int> excludedLines, CancellationToken cancellationToken)
    {
        Reruns.Add((file.Path, excludedLines));
        return Task.FromResult(Rerun(file, excludedLines));
    }

    public Task<EditResult> EditAsync(string path, byte[] text, CancellationToken cancellationToken)
    {
        EditorInputs.Add(text);
        return Task.FromResult(Edits.Dequeue());
    }

    public Task<string?> CompileProblemAsync(string path, byte[] text, CancellationToken cancellationToken) =>
        Task.FromResult(CompileProblems.Count > 0 ? CompileProblems.Dequeue() : null);
}

/// <summary>Files with two env sites each, as env-to-isolated reports them.</summary>
internal static class ReviewSamples
{
    public const string Original = "import os\n\nA = os.environ.get(\"A\")\nB = os.getenv(\"B\")\n";

    public const string Proposed = "from shared.isolated_environment import get_env\n\nA = get_env().get(\"A\")\nB = get_env().get(\"B\")\n";

    /// <summary>What the codemod writes when line 4 is excluded: <c>import os</c> stays for the site left as it is.</summary>
    public const string WithoutLine4 = "import os\nfrom shared.isolated_environment import get_env\n\nA = get_env().get(\"A\")\nB = os.getenv(\"B\")\n";

    public static FileOutcome File(string path) => new()
    {
        Path = path,
        Kind = OutcomeKind.Changed,
        OriginalBytes = Encoding.UTF8.GetBytes(Original),
        NewBytes = Encoding.UTF8.GetBytes(Proposed),
        Changes = [new ChangeRecord(3, 4, "environ-get", "os.environ.get(k) -> get_env().get(k)"), new ChangeRecord(4, 4, "getenv", "os.getenv(k) -> get_env().get(k)")],
    };

    public static ChangeSet Set(params FileOutcome[] files) =>
        new("env-to-isolated", "1.0.0", new Dictionary<string, IReadOnlyList<string>>(), files, TimeSpan.Zero);

    public static string Text(FileOutcome file) => Encoding.UTF8.GetString(file.NewBytes ?? []);
}
