using System.Text.Json;
using Codemod.Core.Settings;

namespace Codemod.Core.Apply;

/// <summary>
/// The on-disk record of one run (or plan batch) in progress: <c>&lt;id&gt;.json</c> (the <see cref="JournalState"/>,
/// replaced atomically at each phase), <c>&lt;id&gt;.pre</c> (the pre-images of the files it writes, one pack, flushed
/// once), and the run's commit message and report note. Inside git it lives in the git directory, outside beside the
/// files in the root's <c>.codemod</c> folder. A finished run deletes it; <c>codemod recover</c> reads what is left.
/// </summary>
public sealed class RunJournal
{
    /// <summary>The folder name used outside git, inside the root; discovery never lists it.</summary>
    public const string OutsideGitFolder = ".codemod";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    private RunJournal(string directory, JournalState state)
    {
        Directory = directory;
        State = state;
    }

    public string Directory { get; }

    public JournalState State { get; private set; }

    public string StatePath => Path.Combine(Directory, State.Id + ".json");

    public string PreImagePath => Path.Combine(Directory, State.Id + ".pre");

    /// <summary>The commit message file: inside the git directory, so a crash leaves nothing in /tmp and recover removes it.</summary>
    public string MessagePath => Path.Combine(Directory, State.Id + ".msg");

    /// <summary>The report note, saved before the commit so recovery can attach it to a commit that landed.</summary>
    public string NotePath => Path.Combine(Directory, State.Id + ".note");

    /// <summary>Where journals live: <c>&lt;git-dir&gt;/codemod-journal</c>, or <c>&lt;root&gt;/.codemod/journal</c> outside git.</summary>
    public static string DirectoryFor(string? gitDirectory, string root) =>
        gitDirectory is not null ? Path.Combine(gitDirectory, "codemod-journal") : Path.Combine(root, OutsideGitFolder, "journal");

    public static RunJournal Begin(string directory, JournalState state)
    {
        System.IO.Directory.CreateDirectory(directory);
        var journal = new RunJournal(directory, state with { ProcessId = Environment.ProcessId, ProcessStart = Vcs.RepositoryLock.CurrentStartTicks() });
        journal.Save();
        return journal;
    }

    /// <summary>Every journal left in <paramref name="directory"/>, runs before plans (a plan's step is recovered first).</summary>
    public static IReadOnlyList<RunJournal> FindAll(string directory)
    {
        if (!System.IO.Directory.Exists(directory))
        {
            return [];
        }

        var found = new List<RunJournal>();
        foreach (var file in System.IO.Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                if (JsonSerializer.Deserialize<JournalState>(File.ReadAllBytes(file), Json) is { } state)
                {
                    found.Add(new RunJournal(directory, state));
                }
            }
            catch (JsonException e)
            {
                throw new UserError($"the run journal {file} is damaged ({e.Message}): inspect it, then delete it to go on");
            }
        }

        return [.. found.OrderBy(j => j.State.Kind == JournalKinds.Plan ? 1 : 0).ThenBy(j => j.State.Id, StringComparer.Ordinal)];
    }

    /// <summary>Records a new phase (and any other change) durably before the phase's first effect.</summary>
    public void Update(Func<JournalState, JournalState> change)
    {
        State = change(State);
        Save();
    }

    /// <summary>Writes the pre-images of <paramref name="files"/> into one pack and records the files, before any temp file exists.</summary>
    public void RecordFiles(IReadOnlyList<(string Path, string? OriginalHash, string NewHash, string Temp, byte[]? Original)> files, string phase)
    {
        var entries = new List<JournalFile>(files.Count);
        using (var pack = new FileStream(PreImagePath, FileMode.Append, FileAccess.Write, FileShare.None))
        {
            foreach (var (path, originalHash, newHash, temp, original) in files)
            {
                entries.Add(new JournalFile(path, originalHash, newHash, temp, pack.Position, original?.Length ?? 0));
                pack.Write(original ?? []);
            }

            pack.Flush(flushToDisk: true);
        }

        Update(s => s with { Files = [.. s.Files, .. entries], Phase = phase });
    }

    /// <summary>The bytes a file had before the run (null when the run created it).</summary>
    public byte[]? PreImage(JournalFile file)
    {
        if (file.OriginalHash is null)
        {
            return null;
        }

        using var pack = new FileStream(PreImagePath, FileMode.Open, FileAccess.Read);
        pack.Position = file.PreImageOffset;
        var bytes = new byte[file.PreImageLength];
        pack.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>Removes the journal and everything beside it: the run is finished or undone.</summary>
    public void Delete()
    {
        foreach (var path in new[] { PreImagePath, MessagePath, NotePath, StatePath })
        {
            File.Delete(path);
        }

        try
        {
            if (!System.IO.Directory.EnumerateFileSystemEntries(Directory).Any())
            {
                System.IO.Directory.Delete(Directory);
                var parent = Path.GetDirectoryName(Directory);
                if (parent is not null && Path.GetFileName(parent) == OutsideGitFolder && !System.IO.Directory.EnumerateFileSystemEntries(parent).Any())
                {
                    System.IO.Directory.Delete(parent);
                }
            }
        }
        catch (IOException)
        {
            // Another run started a journal meanwhile: the folder stays.
        }
    }

    private void Save()
    {
        var temp = StatePath + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, State, Json);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, StatePath, overwrite: true);
    }
}
