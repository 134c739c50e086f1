using System.Text;
using Codemod.Core.Changes;
using Codemod.Core.Files;
using Codemod.Core.Transform;
using Codemod.IntegrationTests.Infrastructure;
using Codemod.Python;

namespace Codemod.IntegrationTests.Engine;

/// <summary>
/// The worker's name gate, through a real worker and a codemod that writes <c>get_env()</c> without importing it: a file
/// whose rewrite reads a possibly unbound name is failed with the line and left unchanged; one where the name is
/// certainly bound changes. One worker serves every case (starting one costs more than the case).
/// </summary>
public sealed class NameGateTests(NameGateTests.Worker worker) : IClassFixture<NameGateTests.Worker>
{

    public static TheoryData<string, string, string> Unbound => new()
    {
        {
            "local import further down",
            "import os\n\n\ndef validate():\n    value = os.getenv(\"A\")\n    from shared.isolated_environment import get_env\n    return value, get_env()\n",
            "get_env used at line 5 before its local import at line 6"
        },
        {
            "import only in another function",
            "import os\n\n\ndef setup():\n    from shared.isolated_environment import get_env\n\n\ndef read():\n    return os.getenv(\"A\")\n",
            "get_env used at line 9 but never bound at module level"
        },
        {
            "import only for type checkers",
            "import os\nfrom typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n    from shared.isolated_environment import get_env\n\n\ndef read():\n    return os.getenv(\"A\")\n",
            "get_env used at line 9 but bound at module level only under `if TYPE_CHECKING:` (line 5)"
        },
        {
            "import whose ImportError is swallowed",
            "import os\n\ntry:\n    from shared.isolated_environment import get_env\nexcept ImportError:\n    pass\n\nA = os.getenv(\"A\")\n",
            "get_env used at line 8 but its import at line 4 does not always run before it"
        },
        {
            "module-level read before the module-level import",
            "import os\n\nA = os.getenv(\"A\")\n\nfrom shared.isolated_environment import get_env\n",
            "get_env used at line 3 before its import at line 5"
        },
        {
            "import into a global only when a function runs",
            "import os\n\n\ndef load():\n    global get_env\n    from shared.isolated_environment import get_env\n\n\ndef read():\n    return os.getenv(\"A\")\n",
            "get_env used at line 10 but never bound at module level"
        },
    };

    public static TheoryData<string, string> Bound => new()
    {
        { "module-level import", "import os\nfrom shared.isolated_environment import get_env\n\n\ndef read():\n    return os.getenv(\"A\")\n" },
        { "local import above the read", "import os\n\n\ndef read():\n    from shared.isolated_environment import get_env\n    return os.getenv(\"A\")\n" },
        { "module-level import below the function", "import os\n\n\ndef read():\n    return os.getenv(\"A\")\n\n\nfrom shared.isolated_environment import get_env\n" },
        { "enclosing function's import", "import os\n\n\ndef outer():\n    from shared.isolated_environment import get_env\n\n    def read():\n        return os.getenv(\"A\")\n\n    return read\n" },
        { "local import whose handler returns", "import os\n\n\ndef read():\n    try:\n        from shared.isolated_environment import get_env\n    except ImportError:\n        return None\n    return os.getenv(\"A\")\n" },
        { "both branches import", "import os\n\nif os.name == \"nt\":\n    from shared.isolated_environment import get_env\nelse:\n    from shared.isolated_environment import get_env\n\nA = os.getenv(\"A\")\n" },
    };

    [Theory]
    [MemberData(nameof(Unbound))]
    public async Task A_rewrite_reading_a_possibly_unbound_name_fails_and_changes_nothing(string shape, string source, string problem)
    {
        // Given a file where get_env is not certainly bound where the codemod writes it (shape: see the case name)
        // When the deliberately wrong codemod runs on it
        var outcome = await TransformAsync(source);

        // Then the file is failed, with the read's line and the reason, and has no new bytes
        Assert.True(outcome.Kind == OutcomeKind.Failed, $"{shape}: {outcome.Kind} {outcome.Reason}");
        Assert.Equal($"codemod produced a read of a possibly unbound name: {problem}", outcome.Reason);
        Assert.Equal(int.Parse(problem.Split("line ")[1].Split(' ')[0]), outcome.Line);
        Assert.Null(outcome.NewBytes);
    }

    [Theory]
    [MemberData(nameof(Bound))]
    public async Task A_rewrite_reading_a_certainly_bound_name_passes_the_gate(string shape, string source)
    {
        // Given a file where get_env is certainly bound where the codemod writes it
        // When the codemod runs on it
        var outcome = await TransformAsync(source);

        // Then the file changes
        Assert.True(outcome.Kind == OutcomeKind.Changed, $"{shape}: {outcome.Kind} {outcome.Reason}");
        Assert.Contains("get_env().get(\"A\")", Encoding.UTF8.GetString(outcome.NewBytes!));
    }

    private Task<FileOutcome> TransformAsync(string source) =>
        worker.Pool.TransformAsync(
            new TransformRequest(SourceFile.FromBytes("app/module.py", worker.Scratch.Combine("app/module.py"), Encoding.UTF8.GetBytes(source)),
                TestCodemods.Unimported, new Dictionary<string, IReadOnlyList<string>>(), new Dictionary<string, byte[]>()),
            CancellationToken.None);

    /// <summary>A folder with the test codemods and one real worker that loads them, shared by the cases.</summary>
    public sealed class Worker : IAsyncLifetime
    {
        public Worker()
        {
            Pool = new WorkerPool(new PythonSettings("python3", [PythonSettings.BundledCodemodDirectory, TestCodemods.WriteTo(Scratch)], TimeSpan.FromSeconds(60), 1));
        }

        public TempDirectory Scratch { get; } = new();

        public WorkerPool Pool { get; }

        public Task InitializeAsync() => Task.CompletedTask;

        public async Task DisposeAsync()
        {
            await Pool.DisposeAsync();
            Scratch.Dispose();
        }
    }
}
