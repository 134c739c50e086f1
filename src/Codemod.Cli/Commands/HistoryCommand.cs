using System.CommandLine;
using Codemod.Cli.Options;
using System.Globalization;
using System.Text.Json;
using Codemod.Cli.Rendering;
using Codemod.Core.Settings;
using Codemod.Core.Vcs;
using Codemod.Git;

namespace Codemod.Cli.Commands;

/// <summary><c>codemod history</c>: the runs recorded in the repository (tags, trailers, notes), newest first; with a run id, its stored report.</summary>
internal static class HistoryCommand
{
    public static Command Create(CliContext context)
    {
        var options = new RepositoryOptions("A folder inside the repository (default: the current folder)")
        {
            RunId = new Argument<string?>("RUN-ID") { Description = "Show this run's (or plan's) stored report instead of the list", Arity = ArgumentArity.ZeroOrOne },
        };
        var command = options.AddTo(new Command("history", "List the codemod runs recorded in this repository, newest first"));
        command.SetAction(parse => Run(options.Resolve(parse, context.Environment), context));
        return command;
    }

    private static int Run(RepositorySettings settings, CliContext context)
    {
        using var repository = Open(settings.Folder, context);
        var reader = new RunHistoryReader(repository);
        var json = settings.Json;
        var id = settings.RunId;
        var runs = id is null ? reader.Read() : Selected(reader, id);
        if (json)
        {
            OrderedDictionary<string, JsonElement?>? reports = null;
            if (id is not null)
            {
                reports = new(StringComparer.Ordinal);
                foreach (var run in runs.Where(r => r.Kind == RunKind.Run && r.After is not null))
                {
                    reports[run.RunId] = HistoryDocument.Report(repository.ReadNote(RunTags.NotesRef, run.After!));
                }
            }

            DocumentJson.Write(context.OutputStream, HistoryDocument.From(repository.Root, runs, reports), DocumentJson.Escaped.HistoryDocument);
            return ExitCodes.For(new RunVerdict());
        }

        if (runs.Count == 0)
        {
            context.Error.WriteLine("no codemod runs are recorded in this repository (runs are recorded by `codemod apply --commit` and `codemod plan`)");
            return ExitCodes.For(new RunVerdict());
        }

        WriteTable(context.Output, runs);
        if (id is not null)
        {
            foreach (var run in runs.Where(r => r.Kind == RunKind.Run && r.After is not null))
            {
                context.Output.WriteLine();
                context.Output.WriteLine($"report of {run.RunId} ({RunTags.NotesRef}):");
                context.Output.Write(repository.ReadNote(RunTags.NotesRef, run.After!) ?? "(no note: fetch it with `git fetch origin refs/notes/codemod:refs/notes/codemod`)\n");
            }
        }

        context.Output.Flush();
        return ExitCodes.For(new RunVerdict());
    }

    public static GitRepository Open(string folder, CliContext context)
    {
        var reads = context.Environment.GitReads == "cli" ? GitReads.Cli : GitReads.InProcess;
        return GitRepository.Open(folder, reads) ?? throw new UserError($"{folder} is not inside a git work tree: runs are recorded in git");
    }

    private static List<RunRecord> Selected(RunHistoryReader reader, string id)
    {
        var all = reader.Read();
        var run = RunHistoryReader.Find(all, id);
        return [run, .. all.Where(r => run.Steps.Contains(r.RunId))];
    }

    private static void WriteTable(TextWriter output, IReadOnlyList<RunRecord> runs)
    {
        var rows = runs.Select(r => new[]
        {
            r.RunId,
            r.Date.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            r.Kind == RunKind.Plan ? "plan" : r.BatchId is null ? "run" : "step",
            r.Kind == RunKind.Plan ? $"{r.Steps.Count} step(s)" : $"{r.Codemod}@{r.CodemodVersion}",
            r.After?[..10] ?? "-",
            r.Files.Count.ToString(CultureInfo.InvariantCulture),
            r.State switch
            {
                RunState.RolledBack when r.Rollback!.Mode == "hard" => "rolled back (--hard)",
                RunState.RolledBack => $"rolled back (revert {r.Rollback!.Commit?[..Math.Min(10, r.Rollback.Commit.Length)]})",
                RunState.NotOnHead => "not on HEAD",
                RunState.Incomplete => "incomplete (never committed)",
                _ => "active",
            },
        }).ToList();
        string[] header = ["RUN", "DATE", "KIND", "CODEMOD", "COMMIT", "FILES", "STATE"];
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        foreach (var row in rows.Prepend(header))
        {
            output.WriteLine(string.Join("  ", row.Select((cell, i) => i == 5 ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]))).TrimEnd());
        }
    }
}
