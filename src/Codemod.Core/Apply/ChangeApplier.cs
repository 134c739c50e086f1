using Codemod.Core.Changes;
using Codemod.Core.Files;

namespace Codemod.Core.Apply;

/// <summary>
/// The only code that writes project files. Every new version goes to a temp file beside its target (same folder, so
/// the rename stays on one filesystem and is atomic), with the target's mode bits; then each is renamed into place.
/// A file's identity is checked again immediately before its own rename, so an edit made while the run was writing is
/// never overwritten: that file is left as the user wrote it and refused. If any step fails, the files already
/// replaced get their original bytes back and the temp files are removed: nothing is left half-written.
/// A Changed outcome without <see cref="FileOutcome.OriginalHash"/> creates a file that must not exist yet
/// (e.g. BREAKING_CHANGES.md); undoing it deletes the file.
/// </summary>
public sealed class ChangeApplier(IFileReplacer? replacer = null)
{
    private const string ChangedOnDisk = "changed on disk since it was read: left as it is now (run the command again)";
    private readonly IFileReplacer _replacer = replacer ?? new RenameReplacer();

    public ApplyResult Apply(string root, IEnumerable<FileOutcome> outcomes, ApplyControl? control = null)
    {
        control ??= ApplyControl.None;
        var changed = ChangeSet.Sort(outcomes.Where(o => o.Kind == OutcomeKind.Changed && o.NewBytes is not null));
        var refused = new List<FileOutcome>();
        var ready = new List<(FileOutcome Outcome, string Target)>();
        foreach (var outcome in changed)
        {
            var target = Path.Combine(root, outcome.Path);
            if (!InsideRoot(root, target))
            {
                refused.Add(Refuse(outcome) with { Reason = "a folder on its path is a symbolic link: never written through, so nothing lands outside the root" });
                continue;
            }

            if (!Unchanged(outcome, target))
            {
                refused.Add(Refuse(outcome));
                continue;
            }

            ready.Add((outcome, target));
        }

        var temps = ready.Select(r => TempName(r.Target)).ToList();
        control.Journal?.RecordFiles(
            [.. ready.Select((r, i) => (r.Outcome.Path, r.Outcome.OriginalHash, ContentHash.Of(r.Outcome.NewBytes), Path.GetRelativePath(root, temps[i]).Replace('\\', '/'), r.Outcome.OriginalBytes))],
            RunPhases.TempWrites);

        var replaced = new List<(FileOutcome Outcome, string Target)>();
        var current = string.Empty;
        try
        {
            for (var i = 0; i < ready.Count; i++)
            {
                current = ready[i].Outcome.Path;
                WriteTemp(temps[i], ready[i].Target, ready[i].Outcome.NewBytes!);
                if (i == ready.Count / 2)
                {
                    control.Phase(RunPhases.TempWrites);
                }
            }

            if (control.Cancel.IsCancellationRequested)
            {
                DeleteAll(temps);
                return new ApplyResult([], refused, null) { Interrupted = true };
            }

            control.Journal?.Update(s => s with { Phase = RunPhases.Renames });
            for (var i = 0; i < ready.Count; i++)
            {
                var (outcome, target) = ready[i];
                current = outcome.Path;
                // The window between this check and the rename is one file wide, not one run wide.
                if (!Unchanged(outcome, target))
                {
                    File.Delete(temps[i]);
                    refused.Add(Refuse(outcome));
                    continue;
                }

                _replacer.Replace(temps[i], target);
                replaced.Add(ready[i]);
                if (i == ready.Count / 2)
                {
                    control.Phase(RunPhases.Renames);
                }
            }

            return new ApplyResult([.. replaced.Select(r => r.Outcome.Path)], refused, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var restoreFailures = Restore(replaced, o => o.OriginalBytes);
            DeleteAll(temps);
            var message = $"writing {current} failed ({e.Message}); restored {replaced.Count - restoreFailures.Count} file(s) already written, nothing else changed";
            if (restoreFailures.Count > 0)
            {
                message += $"; COULD NOT RESTORE: {string.Join(", ", restoreFailures)}";
            }

            return new ApplyResult([], refused, message);
        }
    }

    /// <summary>
    /// Puts back the original bytes of files an <see cref="Apply"/> wrote (deleting the ones it created), whatever they
    /// hold now: after a rejected commit the user gets exactly what they had, even if a hook reformatted the files.
    /// Null when everything was restored, else what could not be.
    /// </summary>
    public string? Undo(string root, IEnumerable<FileOutcome> written)
    {
        var ready = ChangeSet.Sort(written).Select(o => (Outcome: o, Target: Path.Combine(root, o.Path))).ToList();
        var failures = Restore(ready, o => o.OriginalBytes);
        return failures.Count == 0 ? null : $"restoring failed for {string.Join(", ", failures)}";
    }

    /// <summary>Replaces <paramref name="target"/> with <paramref name="bytes"/> atomically (a temp file beside it, then a rename), or deletes it when null.</summary>
    public void Put(string target, byte[]? bytes)
    {
        if (bytes is null)
        {
            File.Delete(target);
            return;
        }

        var temp = TempName(target);
        WriteTemp(temp, target, bytes);
        _replacer.Replace(temp, target);
    }

    /// <summary>Whether the target still holds what the run read (or, for a file the run creates, still does not exist).</summary>
    public static bool Unchanged(FileOutcome outcome, string target) =>
        outcome.OriginalHash is null
            ? !File.Exists(target) && new FileInfo(target).LinkTarget is null
            : File.Exists(target) && new FileInfo(target).LinkTarget is null && ContentHash.Of(File.ReadAllBytes(target)) == outcome.OriginalHash;

    /// <summary>The temp file beside a target: hidden, and named so a journal or a person recognises it.</summary>
    public static string TempName(string target) =>
        Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.codemod-{Guid.NewGuid():N}.tmp");

    /// <summary>False when a folder between the root and the target is a symbolic link (its real path may be anywhere).</summary>
    public static bool InsideRoot(string root, string target)
    {
        var top = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var full = Path.GetFullPath(target);
        if (!full.StartsWith(top + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return false;
        }

        for (var folder = Path.GetDirectoryName(full); folder is not null && folder.Length > top.Length; folder = Path.GetDirectoryName(folder))
        {
            if (Directory.Exists(folder) && new DirectoryInfo(folder).LinkTarget is not null)
            {
                return false;
            }
        }

        return true;
    }

    private static FileOutcome Refuse(FileOutcome outcome) =>
        outcome with { Kind = OutcomeKind.Failed, Reason = ChangedOnDisk, NewBytes = null, Changes = [] };

    private static void WriteTemp(string temp, string target, byte[] bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }

        if (!OperatingSystem.IsWindows() && File.Exists(target))
        {
            File.SetUnixFileMode(temp, File.GetUnixFileMode(target));
        }
    }

    private static void DeleteAll(IEnumerable<string> temps)
    {
        foreach (var temp in temps.Where(File.Exists))
        {
            File.Delete(temp);
        }
    }

    private List<string> Restore(IEnumerable<(FileOutcome Outcome, string Target)> replaced, Func<FileOutcome, byte[]?> previousBytes)
    {
        var failures = new List<string>();
        foreach (var (outcome, target) in replaced.Reverse())
        {
            try
            {
                Put(target, previousBytes(outcome));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                failures.Add(outcome.Path);
            }
        }

        return failures;
    }
}
