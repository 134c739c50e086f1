using Codemod.Core.Changes;
using Codemod.Core.Engine;
using Codemod.Core.Transform;

namespace Codemod.Cli.Rendering;

/// <summary>
/// One warning per missing module after a run that changed files: the changed files import a module (the environment
/// accessor's, say) the project does not have, so they fail at their first import. Names the one command that fixes it.
/// </summary>
internal static class MissingModuleWarning
{
    public static void Write(TextWriter error, Paint paint, bool applied, string currentDirectory, string root, CodemodInfo codemod, ChangeSet changes)
    {
        var changed = changes.Totals.Changed;
        if (changed == 0)
        {
            return;
        }

        foreach (var missing in MissingModuleCheck.Find(root, codemod, changes.Arguments))
        {
            var target = missing.Candidate ?? "YOUR.MODULE";
            var what = missing.ImportedName is { } name ? $"{name} from {missing.Module}" : missing.Module;
            var fix = applied
                ? missing.ImportedName is { } imported
                    ? $"codemod apply redirect-imports {Shown(currentDirectory, root)} --arg from={missing.Module}.{imported} --arg to={target}.{imported}"
                    : $"create {missing.ExpectedFile}"
                : $"run this again with --arg {missing.Parameter}={target}";
            error.WriteLine(paint.Yellow("warning: ") +
                $"{changed} changed file(s) {(applied ? "now import" : "would import")} {what} (--arg {missing.Parameter}), but the project has no " +
                $"{missing.ExpectedFile} (nor {missing.ExpectedFile[..^3]}/__init__.py): they fail with ImportError until it exists. " +
                $"{(missing.Candidate is null ? "Create it, or fix" : $"The project has {missing.Candidate}; fix")}: {fix}");
        }
    }

    private static string Shown(string currentDirectory, string root)
    {
        var relative = Path.GetRelativePath(currentDirectory, root);
        return relative.StartsWith("..", StringComparison.Ordinal) ? root : relative;
    }
}
