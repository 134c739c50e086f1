using System.Text;
using Codemod.Core.Changes;
using Codemod.Core.Diff;
using Codemod.IntegrationTests.Infrastructure;
using Codemod.Python;

namespace Codemod.IntegrationTests.Goldens;

/// <summary>
/// Every golden case under fixtures/codemods runs through the real worker: the output must equal after.py byte for
/// byte (on mismatch after.received.py is written beside it: accepting is renaming), the outcome and records must match
/// expect.json (its "suppressed" too), and running the codemod again on after.py must change nothing. Every case runs under both worker hosts
/// (pythonnet and the python3 subprocess), and both must give the same outcome to the byte: the result cache is shared.
/// The worker runs are <see cref="GoldenRuns"/>: all started at once, each awaited by the tests that check it.
/// </summary>
[LongRunning]
public sealed class GoldenCodemodTests(GoldenRuns runs) : IClassFixture<GoldenRuns>
{
    public static TheoryData<string, WorkerHostKind> Cases()
    {
        var data = new TheoryData<string, WorkerHostKind>();
        foreach (var golden in GoldenCase.All(Paths.Fixtures))
        {
            data.Add(golden.ToString(), WorkerHostKind.Pythonnet);
            data.Add(golden.ToString(), WorkerHostKind.Python);
        }

        return data;
    }

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var golden in GoldenCase.All(Paths.Fixtures))
        {
            data.Add(golden.ToString());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Codemod_output_matches_the_golden_file_and_is_idempotent(string name, WorkerHostKind host)
    {
        // Given a golden case
        var golden = GoldenCase.All(Paths.Fixtures).Single(c => c.ToString() == name);
        var before = File.ReadAllBytes(golden.BeforePath);
        var expectedAfter = File.Exists(golden.AfterPath) ? File.ReadAllBytes(golden.AfterPath) : before;

        // When the codemod runs on before.py in a worker of that host
        var run = await runs.RunAsync(golden, host);
        var outcome = run.First;
        var actual = outcome.NewBytes ?? before;

        // Then the bytes are exactly after.py
        if (!actual.AsSpan().SequenceEqual(expectedAfter))
        {
            await File.WriteAllBytesAsync(golden.ReceivedPath, actual);
            var (diff, _) = UnifiedDiffBuilder.Build("after.py", expectedAfter, actual);
            Assert.Fail($"{name}: output differs from after.py (outcome {outcome.Kind}: {outcome.Reason}); wrote after.received.py\n" +
                string.Join('\n', diff.Select(l => UnifiedDiffBuilder.Prefix(l.Kind) + l.Text)));
        }
        else if (File.Exists(golden.ReceivedPath))
        {
            File.Delete(golden.ReceivedPath);
        }

        // And the outcome and the records are those expect.json names
        if (golden.Expect is { } expect)
        {
            if (expect.TryGetProperty("outcome", out var kind))
            {
                Assert.True(kind.GetString() == Outcome(outcome.Kind), $"{name}: outcome {Outcome(outcome.Kind)} ({outcome.Reason}), expected {kind.GetString()}");
            }

            AssertRecords(name, "changes", expect, outcome.Changes);
            AssertRecords(name, "reviews", expect, outcome.Reviews);
            AssertSuppressed(name, expect, outcome.Suppressed);
            if (expect.TryGetProperty("reason", out var reason))
            {
                Assert.True(reason.GetString() == outcome.Reason, $"{name}: reason '{outcome.Reason}', expected '{reason.GetString()}'");
            }
        }

        // And a second run on after.py changes nothing
        if (outcome.Kind is OutcomeKind.Changed or OutcomeKind.Unchanged)
        {
            var again = run.Again!;
            Assert.True(again.Kind != OutcomeKind.Changed, $"{name}: not idempotent, a second run changes after.py:\n{Encoding.UTF8.GetString(again.NewBytes ?? [])}");
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Both_worker_hosts_give_the_same_outcome_to_the_byte(string name)
    {
        // Given a golden case
        var golden = GoldenCase.All(Paths.Fixtures).Single(c => c.ToString() == name);

        // When it runs under the pythonnet host and under the python3 subprocess host
        var embedded = (await runs.RunAsync(golden, WorkerHostKind.Pythonnet)).First;
        var subprocess = (await runs.RunAsync(golden, WorkerHostKind.Python)).First;

        // Then everything the engine reports or caches is identical: kind, reason, line, records and the new bytes
        Assert.Equal(Describe(subprocess), Describe(embedded));
        Assert.True((subprocess.NewBytes ?? []).AsSpan().SequenceEqual(embedded.NewBytes ?? []), $"{name}: the hosts wrote different bytes");
    }

    private static string Describe(FileOutcome o) =>
        $"{o.Kind}|{o.Reason}|{o.Line}|{o.Reproducible}|" +
        string.Join(";", o.Changes.Select(r => $"{r.Line}:{r.Column}:{r.Kind}:{r.Message}:{r.RequiresChangedModule}")) + "|" +
        string.Join(";", o.Reviews.Select(r => $"{r.Line}:{r.Column}:{r.Kind}:{r.Message}")) + "|" +
        string.Join(";", o.Breaking.Select(b => $"{b.What}:{b.Migrate}")) + "|" +
        string.Join(";", o.Suppressed.Select(r => $"{r.Line}:{r.Column}:{r.Kind}:{r.Message}:{r.Reason}"));

    [Fact]
    public void Every_codemod_has_at_least_fifteen_golden_cases()
    {
        var counts = GoldenCase.All(Paths.Fixtures).GroupBy(c => c.Codemod).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(counts, c => Assert.True(c.Value >= 15, $"{c.Key} has only {c.Value} golden cases"));
        Assert.Contains("env-to-isolated", counts.Keys);
    }

    private static string Outcome(OutcomeKind kind) => kind switch
    {
        OutcomeKind.Changed => "changed",
        OutcomeKind.Unchanged => "unchanged",
        OutcomeKind.Skipped => "skipped",
        OutcomeKind.Failed => "failed",
        _ => "notApplicable",
    };

    // "suppressed": [[line, kind, reason], ...] (reason "comment" or "excluded"); absent: not checked.
    private static void AssertSuppressed(string name, System.Text.Json.JsonElement expect, IReadOnlyList<SuppressedRecord> actual)
    {
        if (!expect.TryGetProperty("suppressed", out var expected))
        {
            return;
        }

        var want = expected.EnumerateArray().Select(e => $"{e[0].GetInt32()}:{e[1].GetString()}:{e[2].GetString()}").ToList();
        var have = actual.Select(r => $"{r.Line}:{r.Kind}:{r.Reason}").ToList();
        Assert.True(want.SequenceEqual(have), $"{name}: suppressed [{string.Join(", ", have)}], expected [{string.Join(", ", want)}]");
    }

    private static void AssertRecords(string name, string property, System.Text.Json.JsonElement expect, IReadOnlyList<ChangeRecord> actual)
    {
        if (!expect.TryGetProperty(property, out var expected))
        {
            return;
        }

        var want = expected.EnumerateArray().Select(e => $"{e[0].GetInt32()}:{e[1].GetString()}").ToList();
        var have = actual.Select(r => $"{r.Line}:{r.Kind}").ToList();
        Assert.True(want.SequenceEqual(have), $"{name}: {property} [{string.Join(", ", have)}], expected [{string.Join(", ", want)}]");
    }
}
