using System.Diagnostics;
using Codemod.Cli.Commits;
using Codemod.Cli.Rendering;
using Codemod.Core.Apply;
using Codemod.Core.Changes;
using Codemod.Core.Diff;
using Codemod.Core.Files;
using Codemod.Core.Settings;
using Codemod.Core.Vcs;

namespace Codemod.Cli.Commands;

/// <summary>
/// <c>codemod apply --from-patch FILE...</c>: merges the patches of shard runs. Every file's bytes must be exactly the
/// patch's pre-image (its <c>index</c> line) and every patch must apply; otherwise nothing is written and each refused
/// file is named. The write goes through the one write point, all or nothing, and <c>--commit</c> works as for a run.
/// </summary>
internal static class PatchApplyFlow
{
    public sealed record Options(IReadOnlyList<string> PatchFiles, string Root, bool Json, bool Commit, bool AllowDirty, bool NoVerify, Paint Paint);

    public static int Run(Options options, CliContext context, ApplyControl control)
    {
        var started = Stopwatch.GetTimestamp();
        var repository = options.Commit ? CommitFlow.OpenForCommit(options.Root, options.AllowDirty) : null;
        var (patches, metadata) = Read(options.PatchFiles, context);
        var outcomes = new List<FileOutcome>();
        var refused = new List<string>();
        foreach (var (source, patch) in patches)
        {
            var full = Path.Combine(options.Root, patch.Path);
            if (!File.Exists(full))
            {
                refused.Add($"{patch.Path} (from {source}): the file does not exist under {options.Root}");
                continue;
            }

            var current = File.ReadAllBytes(full);
            var (bytes, problem) = patch.ApplyTo(current);
            if (bytes is null)
            {
                refused.Add($"{patch.Path} (from {source}): {problem}");
                continue;
            }

            outcomes.Add(new FileOutcome { Path = patch.Path, Kind = OutcomeKind.Changed, OriginalHash = ContentHash.Of(current), OriginalBytes = current, NewBytes = bytes });
        }

        if (refused.Count > 0)
        {
            foreach (var line in refused)
            {
                context.Error.WriteLine(options.Paint.Red("refused ") + line);
            }

            context.Error.WriteLine($"nothing written: {refused.Count} of {patches.Count} file patch(es) do not apply to this tree");
            return ExitCodes.For(new RunVerdict(Failed: refused.Count, WriteFailed: true));
        }

        var changes = new ChangeSet(metadata?.Codemod ?? "patch", metadata?.Version ?? "0", metadata?.Arguments ?? new Dictionary<string, IReadOnlyList<string>>(), ChangeSet.Sort(outcomes), Stopwatch.GetElapsedTime(started));
        var versions = metadata?.Versions ?? new Dictionary<string, string>();
        if (repository is not null)
        {
            var outcome = CommitFlow.Commit(repository, changes, versions, RunId.New(context.Time), options.AllowDirty, options.NoVerify, control: control);
            if (options.Json)
            {
                ChangeSetJson.Write(context.OutputStream, "apply", repository.Root, outcome.Changes, versions, outcome.Applied, CommitDocument.From(outcome));
            }

            SummaryReporter.Write(context.Error, outcome.Changes, options.Paint, CommitFlow.ShownApplied(outcome));
            CommitFlow.Report(context.Error, outcome, options.Paint);
            return ExitCodes.For(CommitFlow.Verdict(outcome));
        }

        // All or nothing: a file changed between the pre-image check and its rename puts back the files already written.
        var (applied, written) = JournalledWrite.Write(options.Root, changes, control, context.Time, allOrNothing: true);
        changes = written;
        if (options.Json)
        {
            ChangeSetJson.Write(context.OutputStream, "apply", options.Root, changes, versions, applied);
        }

        SummaryReporter.Write(context.Error, changes, options.Paint, applied);
        return ExitCodes.For(new RunVerdict(Failed: applied.Refused.Count, WriteFailed: !applied.Succeeded));
    }

    private static (List<(string Source, FilePatch Patch)> Patches, PatchMetadata? Metadata) Read(IReadOnlyList<string> files, CliContext context)
    {
        var patches = new List<(string Source, FilePatch Patch)>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        PatchMetadata? metadata = null;
        foreach (var file in files)
        {
            var full = Path.GetFullPath(file, context.Environment.CurrentDirectory);
            PatchReader.Patch patch;
            try
            {
                patch = PatchReader.Read(File.ReadAllBytes(full));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new UserError($"cannot read patch '{file}': {e.Message}");
            }
            catch (FormatException e)
            {
                throw new UserError($"'{file}' is not a patch written by `codemod preview --format patch`: {e.Message}");
            }

            var own = PatchMetadata.Parse(patch.Metadata);
            if (own is not null && metadata is not null && (own.Codemod, own.Version) != (metadata.Codemod, metadata.Version))
            {
                throw new UserError($"'{file}' comes from {own.Codemod} {own.Version}, the other patches from {metadata.Codemod} {metadata.Version}: merge the patches of one run");
            }

            metadata ??= own;
            foreach (var filePatch in patch.Files)
            {
                if (seen.TryGetValue(filePatch.Path, out var other))
                {
                    throw new UserError($"{filePatch.Path} is patched by both '{other}' and '{file}': shards of one run never overlap");
                }

                seen[filePatch.Path] = file;
                patches.Add((file, filePatch));
            }
        }

        return (patches, metadata);
    }
}
