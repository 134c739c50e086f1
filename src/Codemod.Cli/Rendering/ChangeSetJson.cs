using System.Text.Json;
using Codemod.Core.Apply;
using Codemod.Core.Changes;

namespace Codemod.Cli.Rendering;

/// <summary>Writes the document of a preview or apply run, <see cref="ChangeSetDocument"/>.</summary>
internal static class ChangeSetJson
{
    /// <summary>Writes the document; <paramref name="commit"/> is the commit of an apply --commit, written at its end.</summary>
    public static void Write(Stream output, string command, string root, ChangeSet changes, IReadOnlyDictionary<string, string> versions, ApplyResult? applied = null, CommitDocument? commit = null) =>
        DocumentJson.Write(output, ChangeSetDocument.From(command, root, changes, versions, applied) with { Commit = commit }, DocumentJson.Escaped.ChangeSetDocument);

    /// <summary>The apply document stored as a git note on a run's commit, closed by the <paramref name="run"/> it records.</summary>
    public static string NoteText(string root, ChangeSet changes, IReadOnlyDictionary<string, string> versions, ApplyResult? applied, RunNoteDocument run) =>
        JsonSerializer.Serialize(ChangeSetDocument.From("apply", root, changes, versions, applied) with { Run = run }, DocumentJson.Escaped.ChangeSetDocument) + "\n";
}
