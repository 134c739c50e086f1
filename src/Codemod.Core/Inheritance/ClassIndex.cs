using Codemod.Core.Engine;
using Codemod.Core.Scan;

namespace Codemod.Core.Inheritance;

/// <summary>Every class of the project, with its bases resolved through imports, aliases, relative imports and re-exports.</summary>
public sealed class ClassIndex
{
    private readonly Dictionary<string, IndexedClass> _byQualifiedName = new(StringComparer.Ordinal);
    private readonly Dictionary<IndexedClass, IReadOnlyList<BaseReference>> _bases = [];
    private readonly NameResolver _resolver;

    private ClassIndex(IReadOnlyList<IndexedClass> classes, Dictionary<string, ModuleSymbols> modules)
    {
        Classes = classes;
        foreach (var symbols in modules.Values)
        {
            foreach (var indexed in symbols.Classes.Values)
            {
                _byQualifiedName[indexed.QualifiedName] = indexed;
            }
        }

        _resolver = new NameResolver(modules);
    }

    /// <summary>All class definitions, sorted by qualified name, then path and line.</summary>
    public IReadOnlyList<IndexedClass> Classes { get; }

    public static ClassIndex Build(IEnumerable<FileScan> files)
    {
        var modules = new Dictionary<string, ModuleSymbols>(StringComparer.Ordinal);
        var all = new List<IndexedClass>();

        // Sorted by path so that a.py and a/__init__.py (the same module name) always resolve the same way.
        foreach (var file in files.Where(f => f.Kind != ScanOutcomeKind.Skipped).OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            var module = file.Facts?.Module ?? ModuleLocator.ModuleOfFile(file.Path);
            if (modules.ContainsKey(module))
            {
                continue;
            }

            var classes = (file.Facts?.Classes ?? [])
                .OrderBy(c => c.Line)
                .Select(c => new IndexedClass(module.Length > 0 ? $"{module}.{c.Name}" : c.Name, c.Name, module, file.Path, c.Line, c.Bases, c.Nested, file.Facts!.IsTest))
                .ToList();
            all.AddRange(classes);
            modules[module] = new ModuleSymbols(file.Path, module, file.Facts, classes);
        }

        var sorted = all
            .OrderBy(c => c.QualifiedName, StringComparer.Ordinal)
            .ThenBy(c => c.Path, StringComparer.Ordinal)
            .ThenBy(c => c.Line)
            .ToList();
        return new ClassIndex(sorted, modules);
    }

    /// <summary>The class a qualified name refers to (the last definition when a module defines it twice), or null.</summary>
    public IndexedClass? Find(string qualifiedName) => _byQualifiedName.GetValueOrDefault(qualifiedName);

    /// <summary>The class's bases as Python would see them; a class without bases has <c>object</c>.</summary>
    public IReadOnlyList<BaseReference> BasesOf(IndexedClass indexed)
    {
        if (!_bases.TryGetValue(indexed, out var bases))
        {
            bases = indexed.Bases.Count == 0 ? [BaseReference.Object] : [.. indexed.Bases.Select(b => _resolver.Resolve(indexed, b))];
            _bases[indexed] = bases;
        }

        return bases;
    }
}
