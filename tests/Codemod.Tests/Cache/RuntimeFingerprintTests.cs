using Codemod.Python;

namespace Codemod.Tests.Cache;

public sealed class RuntimeFingerprintTests
{
    [Fact]
    public void Editing_any_python_file_of_a_codemods_folder_changes_the_sources_hash()
    {
        using var folder = new TempFolder();
        folder.Write("my_codemod.py", "NAME = 'x'\n");
        folder.Write("_helpers.py", "def helper(): pass\n");
        var before = RuntimeFingerprint.SourcesOf([folder.Path]);

        folder.Write("_helpers.py", "def helper(): return 1\n");

        Assert.NotEqual(before, RuntimeFingerprint.SourcesOf([folder.Path]));
    }

    [Fact]
    public void Bytecode_caches_do_not_change_the_sources_hash()
    {
        using var folder = new TempFolder();
        folder.Write("my_codemod.py", "NAME = 'x'\n");
        var before = RuntimeFingerprint.SourcesOf([folder.Path]);

        folder.Write("__pycache__/my_codemod.cpython-311.py", "stale");

        Assert.Equal(before, RuntimeFingerprint.SourcesOf([folder.Path]));
    }

    [Fact]
    public void Every_component_of_the_runtime_changes_the_fingerprint()
    {
        var baseline = new RuntimeFingerprint("/usr/bin/python3", "3.11.7", "1.0.1", "sources", "engine");

        Assert.Equal(5, new[]
        {
            baseline with { Executable = "/opt/python3" },
            baseline with { PythonVersion = "3.12.0" },
            baseline with { LibcstVersion = "1.1.0" },
            baseline with { CodemodSources = "edited" },
            baseline with { Engine = "rebuilt" },
        }.Select(r => r.Value).Where(v => v != baseline.Value).Distinct().Count());
    }
}
