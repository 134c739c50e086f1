using Codemod.Core.Inheritance;
using Codemod.Core.Scan;

namespace Codemod.Cli.Rendering;

/// <summary>Writes <c>codemod mro --format json</c>, <see cref="MroDocument"/>.</summary>
internal static class MroJsonWriter
{
    public static void Write(Stream output, string pattern, InheritanceReport report, IReadOnlyList<FileScan> failed) =>
        DocumentJson.Write(output, MroDocument.From(pattern, report, failed), DocumentJson.Readable.MroDocument);
}
