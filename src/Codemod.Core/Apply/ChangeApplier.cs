using Codemod.Core.Changes;
using Codemod.Core.Files;

namespace Codemod.Core.Apply;

/// <summary>
/// The only code that writes project files. Every new version goes to a temp file beside its target (same folder, so
/// the rename stays on one filesystem and is atomic), with the target's mode bits; then each is renamed into place.
/// A file whose bytes changed since the run read them is refused. If any step fails, the files already replaced get
/// their original bytes back and the temp files are removed: nothing is left half-written.
/// A Changed outcome without <see cref="FileOutcome.OriginalHash"/> creates a file that must not exist yet
/// (e.g. BREAKING_CHANGES.md); undoing it deletes the file.
/// </summary>
public sealed class ChangeApplier(IFileReplacer? replacer = null)
{
    private readonly IFileReplacer _replacer = replacer ?? new RenameReplacer();

    public ApplyResult Apply(string root, IEnumerable<FileOutcome> outcomes)
    {
        var changed = ChangeSet.Sort(outcomes.Where(o => o.Kind == OutcomeKind.Changed && o.NewBytes is not null));
        var refused = new List<FileOutcome>();
        var ready = new List<(FileOutcome Outcome, string Target)>();
        foreach (var outcome in changed)
        {
            var target = Path.Combine(root, outcome.Path);
            var unchangedOnDisk = outcome.OriginalHash is null
                ? !File.Exists(target) && new FileInfo(target).LinkTarget is null
                : File.Exists(target) && ContentHash.Of(File.ReadAllBytes(target)) == outcome.OriginalHash;
            if (!unchangedOnDisk)
            {
                refused.Add(outcome with { Kind = OutcomeKind.Failed, Reason = "changed on disk since it was read: run the command again", NewBytes = null });
                continue;
            }

            ready.Add((outcome, target));
        }

        var error = Replace(ready, o => o.NewBytes!, "writing");
        return error is null ? new ApplyResult([.. ready.Select(r => r.Outcome.Path)], refused, null) : new ApplyResult([], refused, error);
    }

    /// <summary>
    /// Puts back the original bytes of files an <see cref="Apply"/> wrote (deleting the ones it created), whatever they
    /// hold now: after a rejected commit the user gets exactly what they had, even if a hook reformatted the files.
    /// Null when everything was restored, else what could not be.
    /// </summary>
    public string? Undo(string root, IEnumerable<FileOutcome> written)
    {
        var ready = ChangeSet.Sort(written).Select(o => (Outcome: o, Target: Path.Combine(root, o.Path))).ToList();
        return Replace(ready, o => o.OriginalBytes, "restoring");
    }

    // Writes every temp file first, then renames each into place; on failure restores the files already replaced.
    private string? Replace(List<(FileOutcome Outcome, string Target)> ready, Func<FileOutcome, byte[]?> bytesOf, string verb)
    {
        var temps = new List<string?>();
        var replaced = new List<(FileOutcome Outcome, string Target)>();
        try
        {
            foreach (var (outcome, target) in ready)
            {
                temps.Add(bytesOf(outcome) is { } bytes ? WriteTemp(target, bytes) : null);
            }

            for (var i = 0; i < ready.Count; i++)
            {
                if (temps[i] is { } temp)
                {
                    _replacer.Replace(temp, ready[i].Target);
                }
                else
                {
                    File.Delete(ready[i].Target);
                }

                replaced.Add(ready[i]);
            }

            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var restoreFailures = Restore(replaced, verb == "writing" ? o => o.OriginalBytes : o => o.NewBytes);
            foreach (var temp in temps.OfType<string>().Where(File.Exists))
            {
                File.Delete(temp);
            }

            var failedPath = ready.Count > replaced.Count ? ready[replaced.Count].Outcome.Path : "?";
            var message = $"{verb} {failedPath} failed ({e.Message}); restored {replaced.Count - restoreFailures.Count} file(s) already written, nothing else changed";
            if (restoreFailures.Count > 0)
            {
                message += $"; COULD NOT RESTORE: {string.Join(", ", restoreFailures)}";
            }

            return message;
        }
    }

    private static string WriteTemp(string target, byte[] bytes)
    {
        var directory = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(target)}.codemod-{Guid.NewGuid():N}.tmp");
        using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }

        if (!OperatingSystem.IsWindows() && File.Exists(target))
        {
            File.SetUnixFileMode(temp, File.GetUnixFileMode(target));
        }

        return temp;
    }

    private List<string> Restore(List<(FileOutcome Outcome, string Target)> replaced, Func<FileOutcome, byte[]?> previousBytes)
    {
        var failures = new List<string>();
        foreach (var (outcome, target) in Enumerable.Reverse(replaced))
        {
            try
            {
                if (previousBytes(outcome) is { } bytes)
                {
                    _replacer.Replace(WriteTemp(target, bytes), target);
                }
                else
                {
                    File.Delete(target);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                failures.Add(outcome.Path);
            }
        }

        return failures;
    }
}
