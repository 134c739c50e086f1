using Codemod.Core.Changes;
using Codemod.Core.Files;

namespace Codemod.Core.Apply;

/// <summary>
/// The only code that writes project files. Every new version goes to a temp file beside its target (same folder, so
/// the rename stays on one filesystem and is atomic), with the target's mode bits; then each is renamed into place.
/// A file whose bytes changed since the run read them is refused. If any step fails, the files already replaced get
/// their original bytes back and the temp files are removed: nothing is left half-written.
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
            if (!File.Exists(target) || ContentHash.Of(File.ReadAllBytes(target)) != outcome.OriginalHash)
            {
                refused.Add(outcome with { Kind = OutcomeKind.Failed, Reason = "changed on disk since it was read: run the command again", NewBytes = null });
                continue;
            }

            ready.Add((outcome, target));
        }

        var temps = new List<string>();
        var replaced = new List<(FileOutcome Outcome, string Target)>();
        try
        {
            foreach (var (outcome, target) in ready)
            {
                temps.Add(WriteTemp(target, outcome.NewBytes!));
            }

            for (var i = 0; i < ready.Count; i++)
            {
                _replacer.Replace(temps[i], ready[i].Target);
                replaced.Add(ready[i]);
            }

            return new ApplyResult([.. replaced.Select(r => r.Outcome.Path)], refused, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var restoreFailures = Restore(replaced);
            foreach (var temp in temps.Where(File.Exists))
            {
                File.Delete(temp);
            }

            var failedPath = ready.Count > replaced.Count ? ready[replaced.Count].Outcome.Path : "?";
            var message = $"writing {failedPath} failed ({e.Message}); restored {replaced.Count - restoreFailures.Count} file(s) already written, nothing else changed";
            if (restoreFailures.Count > 0)
            {
                message += $"; COULD NOT RESTORE: {string.Join(", ", restoreFailures)}";
            }

            return new ApplyResult([], refused, message);
        }
    }

    private static string WriteTemp(string target, byte[] bytes)
    {
        var directory = Path.GetDirectoryName(target)!;
        var temp = Path.Combine(directory, $".{Path.GetFileName(target)}.codemod-{Guid.NewGuid():N}.tmp");
        using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, File.GetUnixFileMode(target));
        }

        return temp;
    }

    private List<string> Restore(List<(FileOutcome Outcome, string Target)> replaced)
    {
        var failures = new List<string>();
        foreach (var (outcome, target) in Enumerable.Reverse(replaced))
        {
            try
            {
                _replacer.Replace(WriteTemp(target, outcome.OriginalBytes!), target);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                failures.Add(outcome.Path);
            }
        }

        return failures;
    }
}
