using Codemod.Core.Transform;

namespace Codemod.Core.Engine;

/// <summary>
/// Finds the modules a codemod makes changed files import (its <c>REQUIRED_MODULE_ARGS</c>) that do not exist under the
/// root: code that imports them fails at its first run. One finding per module, with a same-named module elsewhere in
/// the project as the likely intended one.
/// </summary>
public static class MissingModuleCheck
{
    /// <summary><paramref name="ImportedName"/> is what changed files import from the module, when the codemod says.</summary>
    public sealed record MissingModule(string Parameter, string Module, string? ImportedName, string ExpectedFile, string? Candidate);

    public static IReadOnlyList<MissingModule> Find(string root, CodemodInfo codemod, IReadOnlyDictionary<string, IReadOnlyList<string>> arguments)
    {
        var missing = new List<MissingModule>();
        foreach (var (parameter, nameParameter) in codemod.RequiredModules)
        {
            var module = codemod.ValueOf(parameter, arguments);
            if (string.IsNullOrWhiteSpace(module) || ModuleLocator.FileOfModule(root, module) is not null)
            {
                continue;
            }

            var name = nameParameter is null ? null : codemod.ValueOf(nameParameter, arguments);
            missing.Add(new MissingModule(parameter, module, name, module.Replace('.', '/') + ".py", Candidate(root, module)));
        }

        return missing;
    }

    // The project may hold the module under another package (app/core/isolated_environment.py): the one to point at.
    private static string? Candidate(string root, string module)
    {
        var last = module[(module.LastIndexOf('.') + 1)..];
        try
        {
            var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint, MaxRecursionDepth = 12 };
            return Directory.EnumerateFiles(root, last + ".py", options)
                .Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'))
                .Where(f => !f.Split('/').Any(part => part.StartsWith('.') || part is "node_modules" or "__pycache__" or "site-packages"))
                .Select(ModuleLocator.ModuleOfFile)
                .Where(m => m.Split('.').All(p => p.Length > 0 && (char.IsLetter(p[0]) || p[0] == '_') && p.All(c => char.IsLetterOrDigit(c) || c == '_')))
                .OrderBy(m => m.Length)
                .ThenBy(m => m, StringComparer.Ordinal)
                .FirstOrDefault();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
