using Codemod.Core.Scan;

namespace Codemod.Core.Inheritance;

/// <summary>The module-level names of one module: its classes, its imports, its star imports and its deprecation shims.</summary>
internal sealed class ModuleSymbols
{
    /// <summary>A module whose file failed to parse has no <paramref name="facts"/>: it exists, but names nothing.</summary>
    public ModuleSymbols(string path, string module, FileFacts? facts, IEnumerable<IndexedClass> classes)
    {
        Path = path;
        Module = module;
        foreach (var indexed in classes)
        {
            // The last definition wins, as at run time (a try/except fallback defines a class twice).
            Classes[indexed.Name] = indexed;
            if (!indexed.Nested)
            {
                Bindings.Add(new Binding(indexed.Name, indexed.Line, BindingKind.Class, indexed.QualifiedName, null));
            }
        }

        foreach (var import in facts?.Imports.Where(i => i.TopLevel) ?? [])
        {
            if (import.Kind == ImportKind.From && import.Name == "*")
            {
                StarImports.Add(import.Module);
            }
            else if (import.Kind == ImportKind.From)
            {
                var kind = import.Unresolved ? BindingKind.Unresolvable : BindingKind.FromImport;
                Bindings.Add(new Binding(import.AsName ?? import.Name!, import.Line, kind, import.Module, import.Name));
            }
            else if (import.AsName is not null)
            {
                Bindings.Add(new Binding(import.AsName, import.Line, BindingKind.Module, import.Module, null));
            }
            else
            {
                // `import a.b.c` binds only `a`; the rest is reached by attribute access.
                var head = import.Module.Split('.')[0];
                Bindings.Add(new Binding(head, import.Line, BindingKind.Module, head, null));
            }
        }

        foreach (var shim in facts?.Shims ?? [])
        {
            Shims[shim.Name] = shim.Canonical;
        }
    }

    public string Path { get; }

    public string Module { get; }

    /// <summary>Classes by their name inside the module (<c>Outer.Inner</c> for nested ones).</summary>
    public Dictionary<string, IndexedClass> Classes { get; } = new(StringComparer.Ordinal);

    public List<Binding> Bindings { get; } = [];

    public List<string> StarImports { get; } = [];

    /// <summary>Names served by the module's <c>__getattr__</c>: deprecated aliases of a canonical dotted name.</summary>
    public Dictionary<string, string> Shims { get; } = new(StringComparer.Ordinal);

    /// <summary>The binding of <paramref name="name"/> in effect: the last one before <paramref name="beforeLine"/> when there is one
    /// (a class body sees the names bound above it: <c>class Base(Base)</c> extends the imported Base), else the last one.</summary>
    public Binding? Lookup(string name, int? beforeLine)
    {
        Binding? before = null, last = null;
        foreach (var binding in Bindings)
        {
            if (binding.Name != name)
            {
                continue;
            }

            if (last is null || binding.Line >= last.Line)
            {
                last = binding;
            }

            if (beforeLine is { } limit && binding.Line < limit && (before is null || binding.Line >= before.Line))
            {
                before = binding;
            }
        }

        return before ?? last;
    }
}

/// <summary>How a module-level name got bound.</summary>
internal enum BindingKind
{
    Class,
    FromImport,
    Module,
    Unresolvable,
}

/// <summary>One module-level name: a class (<c>Target</c> its qualified name), <c>from Target import Member</c>, or a module.</summary>
internal sealed record Binding(string Name, int Line, BindingKind Kind, string Target, string? Member);
