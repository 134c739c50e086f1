using Codemod.Core.Inheritance;

namespace Codemod.Cli.Rendering;

/// <summary><c>codemod mro --format text</c>: for each class, where it is, its bases as written and as resolved, and its MRO.</summary>
internal static class MroTextWriter
{
    public static void Write(TextWriter output, InheritanceReport report, Paint paint)
    {
        foreach (var lineage in report.Classes)
        {
            var c = lineage.Class;
            output.WriteLine($"{paint.Bold(c.Name)}  {paint.Dim($"{c.Module} ({c.Path}:{c.Line})")}");
            output.WriteLine($"  bases:  {string.Join(", ", lineage.Bases.Select(b => Base(b, paint)))}");
            if (lineage.Mro is { } mro)
            {
                output.WriteLine($"  mro:    {string.Join(" → ", mro)}");
            }

            if (lineage.Unresolved.Count > 0)
            {
                output.WriteLine($"  {paint.Yellow("unresolved")}: {string.Join(", ", lineage.Unresolved)} (opaque: their own bases are unknown)");
            }

            if (lineage.Error is not null)
            {
                output.WriteLine($"  {paint.Red("error")}:  {lineage.Error} (Python raises TypeError when the class is created)");
            }

            output.WriteLine();
        }
    }

    private static string Base(BaseReference reference, Paint paint)
    {
        var text = reference.Source == reference.Name ? reference.Name : $"{reference.Source} = {reference.Name}";
        return reference.Resolved ? text : $"{text} {paint.Yellow($"[unresolved: {reference.Reason}]")}";
    }
}
