using Codemod.Core.Settings;

namespace Codemod.Cli.Config;

/// <summary>
/// Finds the project's configuration: <c>--config FILE</c> when given, nothing with <c>--no-config</c>, else the nearest
/// .codemod.yaml or pyproject.toml with a <c>[tool.codemod]</c> table, walking up from the root. The walk stops at the
/// repository's top folder (the one holding <c>.git</c>) or at the filesystem root: a configuration outside the
/// repository belongs to another project.
/// </summary>
internal static class ConfigLocator
{
    public const string YamlName = ".codemod.yaml";
    public const string TomlName = "pyproject.toml";

    public static ProjectConfig? Find(string start, string? explicitFile, bool noConfig, string currentDirectory)
    {
        if (noConfig)
        {
            return explicitFile is null ? null : throw new UserError("--config and --no-config contradict each other: give one");
        }

        if (explicitFile is not null)
        {
            var file = Path.GetFullPath(explicitFile, currentDirectory);
            return File.Exists(file) ? ProjectConfigReader.Read(file, explicitFile) : throw new UserError($"--config '{explicitFile}' does not exist");
        }

        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            var yaml = Path.Combine(folder.FullName, YamlName);
            if (File.Exists(yaml))
            {
                return ProjectConfigReader.Read(yaml, Display(yaml, currentDirectory));
            }

            var toml = Path.Combine(folder.FullName, TomlName);
            // Most pyproject.toml files say nothing about codemod: only one that names it is parsed (and must then be valid).
            if (File.Exists(toml) && File.ReadAllText(toml) is var text && text.Contains("codemod", StringComparison.Ordinal))
            {
                var display = Display(toml, currentDirectory);
                if (TomlConfigReader.Read(text, display) is { } entries)
                {
                    return ProjectConfigReader.Interpret(entries, new ProjectConfig(toml, display), "[tool.codemod]");
                }
            }

            if (Directory.Exists(Path.Combine(folder.FullName, ".git")) || File.Exists(Path.Combine(folder.FullName, ".git")))
            {
                return null;
            }
        }

        return null;
    }

    private static string Display(string file, string currentDirectory)
    {
        var relative = Path.GetRelativePath(currentDirectory, file);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? file : relative;
    }
}
