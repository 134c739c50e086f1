using Codemod.Core.Changes;
using System.Text;
using Codemod.Core.Diff;

namespace Codemod.Cli.Rendering;

/// <summary>Writes the diffs of a change set: coloured text for people, or patch bytes that <c>git apply</c> accepts.</summary>
internal static class DiffRenderer
{
    public static void WriteText(TextWriter output, ChangeSet changes, Paint paint)
    {
        foreach (var file in changes.Changed)
        {
            var (lines, _) = UnifiedDiffBuilder.Build(file.Path, file.OriginalBytes!, file.NewBytes!);
            foreach (var line in lines)
            {
                var text = UnifiedDiffBuilder.Prefix(line.Kind) + line.Text.TrimEnd('\r');
                output.WriteLine(line.Kind switch
                {
                    DiffLineKind.FileHeader => paint.Bold(text),
                    DiffLineKind.HunkHeader => paint.Cyan(text),
                    DiffLineKind.Removed => paint.Red(text),
                    DiffLineKind.Added => paint.Green(text),
                    _ => text,
                });
            }
        }

        output.Flush();
    }

    /// <summary>
    /// git's patch format: a first line naming the run (commentary to <c>git apply</c>, read by <c>apply --from-patch</c>),
    /// then per file <c>diff --git</c> and an <c>index</c> line with the full blob ids of the pre- and post-image, so a
    /// patch made on one machine is applied elsewhere only to exactly the bytes it was made from.
    /// </summary>
    public static void WritePatch(Stream output, ChangeSet changes, IReadOnlyDictionary<string, string>? versions = null)
    {
        if (changes.HasChanges)
        {
            output.Write(Encoding.ASCII.GetBytes(PatchReader.MetadataPrefix + PatchMetadata.ToJson(changes, versions) + "\n"));
        }

        foreach (var file in changes.Changed)
        {
            var (lines, encoding) = UnifiedDiffBuilder.Build(file.Path, file.OriginalBytes!, file.NewBytes!);
            output.Write(encoding.GetBytes($"diff --git a/{file.Path} b/{file.Path}\nindex {GitBlobId.Of(file.OriginalBytes)}..{GitBlobId.Of(file.NewBytes)}\n"));
            output.Write(UnifiedDiffBuilder.ToPatchBytes(lines, encoding));
        }

        output.Flush();
    }

    /// <summary>The diff of one file as text (for the JSON document).</summary>
    public static string Text(FileOutcome file)
    {
        var (lines, _) = UnifiedDiffBuilder.Build(file.Path, file.OriginalBytes!, file.NewBytes!);
        return string.Concat(lines.Select(l => UnifiedDiffBuilder.Prefix(l.Kind) + l.Text + "\n"));
    }
}
