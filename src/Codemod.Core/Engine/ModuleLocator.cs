namespace Codemod.Core.Engine;

/// <summary>Maps between dotted module names and project files, the way Python's import system does from the root.</summary>
public static class ModuleLocator
{
    /// <summary><c>pkg.module.Name</c> → the file of <c>pkg.module</c> (a module file or a package's <c>__init__.py</c>), or null.</summary>
    public static string? FileOfQualifiedName(string root, string qualifiedName)
    {
        var cut = qualifiedName.LastIndexOf('.');
        return cut <= 0 ? null : FileOfModule(root, qualifiedName[..cut]);
    }

    public static string? FileOfModule(string root, string module)
    {
        var relative = module.Replace('.', '/');
        foreach (var candidate in new[] { relative + ".py", relative + "/__init__.py" })
        {
            if (File.Exists(Path.Combine(root, candidate)))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary><c>a/b/c.py</c> → <c>a.b.c</c>; <c>a/b/__init__.py</c> → <c>a.b</c>.</summary>
    public static string ModuleOfFile(string relativePath)
    {
        var withoutExtension = relativePath.EndsWith(".py", StringComparison.Ordinal) ? relativePath[..^3] : relativePath;
        if (withoutExtension.EndsWith("/__init__", StringComparison.Ordinal))
        {
            withoutExtension = withoutExtension[..^"/__init__".Length];
        }

        return withoutExtension.Replace('/', '.');
    }
}
