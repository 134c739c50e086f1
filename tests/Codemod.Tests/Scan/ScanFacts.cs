using Codemod.Core.Scan;

namespace Codemod.Tests.Scan;

/// <summary>Builds per-file scans by hand, the way the worker would report them, so rules and the index run without processes.</summary>
internal static class ScanFacts
{
    public static FileScan File(
        string path,
        IReadOnlyList<ClassFact>? classes = null,
        IReadOnlyList<ImportFact>? imports = null,
        IReadOnlyList<EnvAccessFact>? env = null,
        IReadOnlyList<SingletonFact>? singletons = null,
        IReadOnlyList<ShimFact>? shims = null,
        bool? isTest = null,
        bool allowed = false,
        IReadOnlyList<SuppressionFact>? suppressions = null)
    {
        var module = Codemod.Core.Engine.ModuleLocator.ModuleOfFile(path);
        var name = path[(path.LastIndexOf('/') + 1)..];
        return FileScan.Scanned(path, new FileFacts
        {
            Module = module,
            Package = path.EndsWith("/__init__.py", StringComparison.Ordinal) ? module : (module.Contains('.') ? module[..module.LastIndexOf('.')] : string.Empty),
            IsTest = isTest ?? (path.Split('/').Contains("tests") || name.StartsWith("test_", StringComparison.Ordinal)),
            Allowed = allowed,
            Classes = classes ?? [],
            Imports = imports ?? [],
            EnvAccesses = env ?? [],
            Singletons = singletons ?? [],
            Shims = shims ?? [],
        }.With(suppressions ?? []));
    }

    public static ClassFact Class(string name, int line, params string[] bases) =>
        new() { Name = name, Line = line, Bases = bases, Fingerprint = $"fp-{name}-{line}", Nested = name.Contains('.') };

    public static ClassFact Copy(string name, int line, string fingerprint) =>
        new() { Name = name, Line = line, Fingerprint = fingerprint };

    public static ImportFact From(string module, string name, string? asName = null, int line = 1, bool unresolved = false) =>
        new(ImportKind.From, module, name, asName, line, TopLevel: true, unresolved);

    public static ImportFact Import(string module, string? asName = null, int line = 1) =>
        new(ImportKind.Import, module, null, asName, line, TopLevel: true);

    /// <summary>A <c># codemod: ignore</c> comment on <paramref name="line"/> covering up to <paramref name="end"/>; no names: every rule.</summary>
    public static SuppressionFact Ignore(int line, int? end = null, params string[] names) => new(line, end ?? line, names.Length == 0 ? null : names);

    public static EnvAccessFact Env(int line, string form = "environ-get", bool rewritable = true) => new(line, 4, form, rewritable);
}
