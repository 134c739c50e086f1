using System.Reflection;
using Codemod.Core.Cache;

namespace Codemod.Python;

/// <summary>
/// What the result cache must know about the machinery behind the workers without starting one: the interpreter and
/// its Python and LibCST versions (one short probe that does not import LibCST), the source of every Python file in the
/// codemods folders (the codemods, their helpers and the worker itself), and the engine's own build.
/// </summary>
public sealed record RuntimeFingerprint(string Executable, string PythonVersion, string LibcstVersion, string CodemodSources, string Engine)
{
    /// <summary>The versions as the workers report them (for reports and commit messages).</summary>
    public IReadOnlyDictionary<string, string> Versions => new Dictionary<string, string> { ["python"] = PythonVersion, ["libcst"] = LibcstVersion };

    public string Value
    {
        get
        {
            using var key = new CacheKeyBuilder("runtime/1");
            return key.Add(Engine).Add(Executable).Add(PythonVersion).Add(LibcstVersion).Add(CodemodSources).Build();
        }
    }

    /// <summary>The fingerprint, or null when the interpreter does not run or has no LibCST (the workers then report why).</summary>
    /// <remarks>The worker host is not part of it: both hosts run the same Python code and give byte-identical answers.</remarks>
    public static RuntimeFingerprint? Probe(PythonSettings settings) =>
        InterpreterInfo.Probe(settings) is { LibcstVersion: { } libcst } info
            ? new RuntimeFingerprint(info.Executable, info.PythonVersion, libcst, SourcesOf(settings.CodemodDirectories), EngineBuild())
            : null;

    /// <summary>A hash of every <c>.py</c> file under the folders, by relative path: any edit to any codemod or helper is a new fingerprint.</summary>
    public static string SourcesOf(IEnumerable<string> folders)
    {
        using var key = new CacheKeyBuilder("codemod-sources/1");
        foreach (var folder in folders)
        {
            key.Add(folder);
            if (!Directory.Exists(folder))
            {
                continue;
            }

            var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true };
            var files = Directory.EnumerateFiles(folder, "*.py", options)
                .Select(f => Path.GetRelativePath(folder, f).Replace(Path.DirectorySeparatorChar, '/'))
                .Where(f => !f.Split('/').Any(part => part is "__pycache__" || part.StartsWith('.')))
                .Order(StringComparer.Ordinal);
            foreach (var file in files)
            {
                key.Add(file).Add(File.ReadAllBytes(Path.Combine(folder, file)));
            }
        }

        return key.Build();
    }

    // The version alone would let a locally rebuilt engine with changed behaviour read the old build's entries; the
    // module version ids change with every build whose code changed (builds are deterministic).
    private static string EngineBuild()
    {
        var assemblies = new[] { typeof(ResultCacheScope).Assembly, typeof(RuntimeFingerprint).Assembly };
        return string.Join(';', assemblies.Select(a => $"{a.GetName().Name}/{a.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion}/{a.ManifestModule.ModuleVersionId}"));
    }
}
