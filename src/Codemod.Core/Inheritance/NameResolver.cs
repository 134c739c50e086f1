using System.Text.RegularExpressions;

namespace Codemod.Core.Inheritance;

/// <summary>
/// Follows a base-class expression the way Python's name lookup and import system would, statically: module-level
/// classes, <c>from</c> and plain imports with aliases (relative ones arrive absolute), re-exports through package
/// <c>__init__</c> modules, star imports, submodules reached by attribute, and deprecation shims.
/// </summary>
internal sealed partial class NameResolver(IReadOnlyDictionary<string, ModuleSymbols> modules)
{
    private readonly HashSet<string> _packages = PackagesOf(modules.Keys);

    public BaseReference Resolve(IndexedClass owner, string source)
    {
        if (!DottedName().IsMatch(source))
        {
            return new BaseReference(source, source, BaseKind.Dynamic);
        }

        var parts = source.Split('.');
        var symbol = LookupInClassBody(owner, parts[0]) ?? LookupName(owner.Module, parts[0], owner.Line, []);
        foreach (var part in parts.Skip(1))
        {
            symbol = Member(symbol, part, []);
        }

        return symbol.Kind switch
        {
            SymbolKind.Class => new BaseReference(source, symbol.Name, BaseKind.Project),
            SymbolKind.Unbound when source == "object" => BaseReference.Object,
            SymbolKind.Unbound => new BaseReference(source, symbol.Name, BaseKind.Builtin),
            SymbolKind.External => new BaseReference(source, symbol.Name, BaseKind.External),
            _ => new BaseReference(source, symbol.Name, BaseKind.Missing),
        };
    }

    // Statements directly in a class body see the names that body bound before them (class Outer: class Base; class Inner(Base)).
    private Symbol? LookupInClassBody(IndexedClass owner, string head)
    {
        var cut = owner.Name.LastIndexOf('.');
        if (cut < 0 || owner.Name.Contains("<locals>", StringComparison.Ordinal) || !modules.TryGetValue(owner.Module, out var symbols))
        {
            return null;
        }

        return symbols.Classes.TryGetValue($"{owner.Name[..cut]}.{head}", out var sibling) && sibling.Line < owner.Line
            ? new Symbol(SymbolKind.Class, sibling.QualifiedName)
            : null;
    }

    private Symbol LookupName(string module, string name, int? beforeLine, HashSet<(string, string)> visiting)
    {
        if (!modules.TryGetValue(module, out var symbols) || !visiting.Add((module, name)))
        {
            return new Symbol(SymbolKind.Unbound, name);
        }

        switch (symbols.Lookup(name, beforeLine))
        {
            case { Kind: BindingKind.Class } binding:
                return new Symbol(SymbolKind.Class, binding.Target);
            case { Kind: BindingKind.Module } binding:
                return new Symbol(SymbolKind.Module, binding.Target);
            case { Kind: BindingKind.FromImport } binding:
                return Member(new Symbol(SymbolKind.Module, binding.Target), binding.Member!, visiting);
            case { Kind: BindingKind.Unresolvable } binding:
                return new Symbol(SymbolKind.Missing, $"{binding.Target}.{binding.Member}");
        }

        foreach (var star in symbols.StarImports.Where(modules.ContainsKey))
        {
            if (LookupName(star, name, null, visiting) is { Kind: not SymbolKind.Unbound } found)
            {
                return found;
            }
        }

        // A shim is served by the module's __getattr__, which Python consults only for names the module lacks.
        return symbols.Shims.TryGetValue(name, out var canonical) ? ResolveAbsolute(canonical, visiting) : new Symbol(SymbolKind.Unbound, name);
    }

    private Symbol Member(Symbol owner, string name, HashSet<(string, string)> visiting)
    {
        var dotted = $"{owner.Name}.{name}";
        switch (owner.Kind)
        {
            case SymbolKind.Class:
                return FindNested(owner.Name, name) ?? new Symbol(SymbolKind.Missing, dotted);
            case SymbolKind.Module when modules.ContainsKey(owner.Name):
                var found = LookupName(owner.Name, name, null, visiting);
                return found.Kind != SymbolKind.Unbound ? found
                    : IsProjectModule(dotted) ? new Symbol(SymbolKind.Module, dotted)
                    : new Symbol(SymbolKind.Missing, dotted);
            case SymbolKind.Module:
                return IsProjectModule(dotted) ? new Symbol(SymbolKind.Module, dotted)
                    : new Symbol(_packages.Contains(owner.Name) ? SymbolKind.Missing : SymbolKind.External, dotted);
            default:
                return owner with { Name = dotted };
        }
    }

    private Symbol ResolveAbsolute(string dotted, HashSet<(string, string)> visiting)
    {
        var parts = dotted.Split('.');
        var symbol = new Symbol(SymbolKind.Module, parts[0]);
        foreach (var part in parts.Skip(1))
        {
            symbol = Member(symbol, part, visiting);
        }

        return symbol;
    }

    private Symbol? FindNested(string qualifiedClass, string name)
    {
        for (var cut = qualifiedClass.LastIndexOf('.'); cut > 0; cut = qualifiedClass.LastIndexOf('.', cut - 1))
        {
            if (modules.TryGetValue(qualifiedClass[..cut], out var symbols) && symbols.Classes.TryGetValue($"{qualifiedClass[(cut + 1)..]}.{name}", out var nested))
            {
                return new Symbol(SymbolKind.Class, nested.QualifiedName);
            }
        }

        return null;
    }

    private bool IsProjectModule(string module) => modules.ContainsKey(module) || _packages.Contains(module);

    // Folders that hold modules are packages even without an __init__.py (namespace packages).
    private static HashSet<string> PackagesOf(IEnumerable<string> moduleNames)
    {
        var packages = new HashSet<string>(StringComparer.Ordinal);
        foreach (var module in moduleNames)
        {
            for (var cut = module.LastIndexOf('.'); cut > 0; cut = module.LastIndexOf('.', cut - 1))
            {
                packages.Add(module[..cut]);
            }
        }

        return packages;
    }

    [GeneratedRegex(@"^[^\W\d]\w*(\.[^\W\d]\w*)*$")]
    private static partial Regex DottedName();

    private enum SymbolKind
    {
        Class,
        Module,
        External,
        Missing,
        Unbound,
    }

    private sealed record Symbol(SymbolKind Kind, string Name);
}
