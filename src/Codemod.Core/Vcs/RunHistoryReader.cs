using Codemod.Core.Settings;

namespace Codemod.Core.Vcs;

/// <summary>
/// Reads the runs recorded in a repository: every <c>codemod/&lt;id&gt;/before</c> tag is a run; its <c>after</c> tag,
/// the commit's trailers and any rollback (a <c>rolled-back</c> tag, or a commit reachable from HEAD carrying
/// <c>Codemod-Rollback: &lt;id&gt;</c>) complete it. Newest first.
/// </summary>
public sealed class RunHistoryReader(IGitRepository repository)
{
    public IReadOnlyList<RunRecord> Read()
    {
        var tags = repository.Tags(RunTags.Prefix);
        var byId = new Dictionary<string, Dictionary<string, GitTag>>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            if (RunTags.TryParse(tag.Name, out var id, out var role))
            {
                (byId.TryGetValue(id, out var roles) ? roles : byId[id] = new(StringComparer.Ordinal))[role] = tag;
            }
        }

        var reachable = repository.TagsReachableFromHead(RunTags.Prefix);
        var reverts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var commit in repository.CommitsWithTrailer(CommitTrailers.RolledBack))
        {
            foreach (var id in commit.Trailer(CommitTrailers.RolledBack))
            {
                reverts.TryAdd(id, commit.Id);
            }
        }

        var runs = new List<RunRecord>();
        foreach (var (id, roles) in byId)
        {
            if (roles.TryGetValue("before", out var before))
            {
                runs.Add(Record(id, before, roles, reachable, reverts));
            }
        }

        // The Codemod-Run trailer is the source of truth; tags are an index. A commit whose tags are missing (a crash
        // before tagging, tags deleted or never fetched) is still a run: its parent is the rollback point.
        var indexed = runs.Where(r => r.After is not null).Select(r => r.RunId).ToHashSet(StringComparer.Ordinal);
        foreach (var commit in repository.CommitsWithTrailer(CommitTrailers.Run))
        {
            foreach (var id in commit.Trailer(CommitTrailers.Run).Where(i => !indexed.Contains(i)).Take(1))
            {
                var parent = repository.ResolveCommit(commit.Id + "^");
                if (parent is null)
                {
                    continue;
                }

                runs.RemoveAll(r => r.RunId == id);
                runs.Add(FromTrailer(id, commit, parent, reverts));
                indexed.Add(id);
            }
        }

        var chronology = new Chronology(repository);
        runs = [.. runs.Select(r => r.Kind == RunKind.Plan
            ? r with { Steps = [.. runs.Where(s => s.BatchId == r.RunId).OrderBy(s => s, chronology).Select(s => s.RunId)] }
            : r)];

        // A plan is as recent as its last step, so it lists right above its steps.
        var latest = runs.ToDictionary(r => r.RunId, r => runs.Where(s => s.BatchId == r.RunId).Select(s => s.Date).Append(r.Date).Max(), StringComparer.Ordinal);
        return [.. runs.OrderByDescending(r => latest[r.RunId]).ThenByDescending(r => r, chronology)];
    }

    /// <summary>The run a user named by id or by one of its tags; throws <see cref="UserError"/> when there is none.</summary>
    public RunRecord Find(string idOrTag) => Find(Read(), idOrTag);

    /// <summary>The run named by id or tag among runs already read.</summary>
    public static RunRecord Find(IReadOnlyList<RunRecord> runs, string idOrTag)
    {
        var id = RunTags.TryParse(idOrTag, out var fromTag, out _) ? fromTag : idOrTag.Trim();
        return runs.FirstOrDefault(r => r.RunId == id)
            ?? throw new UserError($"no codemod run '{idOrTag}' in this repository (no tag {RunTags.Before(id)}, no commit with trailer {CommitTrailers.Run}: {id}): see `codemod history`");
    }

    private RunRecord Record(string id, GitTag before, Dictionary<string, GitTag> roles, IReadOnlySet<string> reachable, Dictionary<string, string> reverts)
    {
        var kind = before.Subject.StartsWith("codemod plan", StringComparison.Ordinal) ? RunKind.Plan : RunKind.Run;
        var after = roles.TryGetValue("after", out var afterTag) ? afterTag : null;
        var commit = after is null ? null : repository.Commit(after.Commit);
        var (codemod, version) = SplitCodemod(commit?.Trailer(CommitTrailers.Codemod).FirstOrDefault());
        RollbackMark? rollback = null;
        if (roles.TryGetValue("rolled-back", out var mark))
        {
            rollback = new RollbackMark(mark.Subject.Contains("hard reset", StringComparison.Ordinal) ? "hard" : "revert", mark.Commit);
        }
        else if (reverts.TryGetValue(id, out var revert))
        {
            rollback = new RollbackMark("revert", revert);
        }

        var date = global::Codemod.Core.Vcs.RunId.TryParse(id, out var runId) ? runId.Timestamp : commit?.Date ?? DateTimeOffset.MinValue;
        return new RunRecord
        {
            RunId = id,
            Kind = kind,
            Date = date,
            Before = before.Commit,
            After = after?.Commit,
            Codemod = kind == RunKind.Run ? codemod : null,
            CodemodVersion = kind == RunKind.Run ? version : null,
            Subject = kind == RunKind.Plan ? StripPrefix(after?.Subject ?? before.Subject) : commit?.Subject ?? string.Empty,
            Files = after is null ? [] : repository.ChangedPaths(before.Commit, after.Commit),
            BatchId = kind == RunKind.Run ? commit?.Trailer(CommitTrailers.Batch).FirstOrDefault() : null,
            OnHead = after is not null && reachable.Contains(after.Name),
            Rollback = rollback,
        };
    }

    private RunRecord FromTrailer(string id, GitCommitInfo commit, string parent, Dictionary<string, string> reverts)
    {
        var (codemod, version) = SplitCodemod(commit.Trailer(CommitTrailers.Codemod).FirstOrDefault());
        return new RunRecord
        {
            RunId = id,
            Kind = RunKind.Run,
            Date = global::Codemod.Core.Vcs.RunId.TryParse(id, out var runId) ? runId.Timestamp : commit.Date,
            Before = parent,
            After = commit.Id,
            Codemod = codemod,
            CodemodVersion = version,
            Subject = commit.Subject,
            Files = repository.ChangedPaths(parent, commit.Id),
            BatchId = commit.Trailer(CommitTrailers.Batch).FirstOrDefault(),
            OnHead = true,
            Rollback = reverts.TryGetValue(id, out var revert) ? new RollbackMark("revert", revert) : null,
        };
    }

    private static (string? Name, string? Version) SplitCodemod(string? trailer)
    {
        if (trailer is null)
        {
            return (null, null);
        }

        var at = trailer.LastIndexOf('@');
        return at > 0 ? (trailer[..at], trailer[(at + 1)..]) : (trailer, null);
    }

    // "codemod plan <id>: 3 steps committed" → "3 steps committed"
    private static string StripPrefix(string subject)
    {
        var colon = subject.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 ? subject[(colon + 2)..] : subject;
    }

    /// <summary>
    /// Older before newer. Run ids carry the start second; runs in the same second (a plan's steps) are ordered by
    /// ancestry of their commits, and a plan counts as newer than its own steps so it heads them when listed.
    /// </summary>
    private sealed class Chronology(IGitRepository repository) : IComparer<RunRecord>
    {
        public int Compare(RunRecord? x, RunRecord? y)
        {
            if (x is null || y is null)
            {
                return x is null ? (y is null ? 0 : -1) : 1;
            }

            if (y.BatchId == x.RunId)
            {
                return 1;
            }

            if (x.BatchId == y.RunId)
            {
                return -1;
            }

            var byDate = x.Date.CompareTo(y.Date);
            if (byDate != 0)
            {
                return byDate;
            }

            // A run whose commit is an ancestor of (or is) the other's rollback point came first.
            if (x.After is not null && repository.IsAncestor(x.After, y.Before))
            {
                return -1;
            }

            if (y.After is not null && repository.IsAncestor(y.After, x.Before))
            {
                return 1;
            }

            return string.CompareOrdinal(x.RunId, y.RunId);
        }
    }
}
