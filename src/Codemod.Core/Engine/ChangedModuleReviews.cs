using Codemod.Core.Changes;

namespace Codemod.Core.Engine;

/// <summary>
/// Cross-file review items: a worker sees one file, so an item that matters only if another module changed (a test
/// patching <c>pkg.mod.os</c> while this run rewrites <c>pkg.mod</c>) names that module, and is kept here only when
/// that module's file is among the run's changed files.
/// </summary>
internal static class ChangedModuleReviews
{
    public static IReadOnlyList<FileOutcome> Resolve(IReadOnlyList<FileOutcome> files)
    {
        if (!files.Any(f => f.Reviews.Any(r => r.RequiresChangedModule is not null)))
        {
            return files;
        }

        var changed = files.Where(f => f.Kind == OutcomeKind.Changed).Select(f => ModuleLocator.ModuleOfFile(f.Path)).ToList();
        return [.. files.Select(f => f.Reviews.Any(r => r.RequiresChangedModule is not null)
            ? f with { Reviews = [.. f.Reviews.Where(r => r.RequiresChangedModule is not { } module || changed.Any(m => Names(m, module)))] }
            : f)];
    }

    // A path-derived name may carry a source-root prefix (src/pkg/mod.py is pkg.mod to its importers): match a dotted suffix.
    private static bool Names(string changedModule, string module) =>
        changedModule == module || changedModule.EndsWith("." + module, StringComparison.Ordinal);
}
