using Codemod.Core.Changes;
using Codemod.Core.Scan;

namespace Codemod.IntegrationTests.Scan;

/// <summary>
/// The scan predicts the env-to-isolated codemod: on every env-to-isolated golden input, the sites the scan marks
/// rewritable are exactly the sites the codemod rewrites, and the scan's other findings are exactly the codemod's review
/// items about environment access (same line, column and form). Both read their forms from codemods/_env_forms.py; a
/// form whose rewritability or classification differs between the two fails here. The worker runs are
/// <see cref="EnvFormRuns"/>: all queued at once, each awaited by its case.
/// </summary>
public sealed class EnvFormParityTests(EnvFormRuns runs) : IClassFixture<EnvFormRuns>
{
    /// <summary>Review kinds about the accessor's binding in the file, which the scan does not model (it predicts a rewrite there).</summary>
    private static readonly HashSet<string> AccessorBindingKinds = ["accessor-unbound-here", "accessor-import-conditional"];

    /// <summary>Review kinds that are not environment-access forms: about the file as a whole or about other modules.</summary>
    private static readonly HashSet<string> FileLevelKinds = ["accessor-name-taken", "patched-module-os"];

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var golden in EnvFormRuns.Goldens)
        {
            data.Add(golden.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Scan_marks_rewritable_exactly_the_sites_the_codemod_rewrites(string name)
    {
        // Given an env-to-isolated golden input
        var golden = EnvFormRuns.Goldens.Single(c => c.Name == name);

        // When the codemod and the scan both run on it (the scan allowing what the codemod allows)
        var (outcome, scan) = await runs.RunAsync(golden);
        var accesses = scan.Facts?.EnvAccesses ?? [];

        // Then an allowed bootstrap file is skipped by both, and a file the codemod cannot parse is one the scan cannot
        if (outcome.Kind is OutcomeKind.Skipped && outcome.Reason?.Contains("allowed bootstrap file", StringComparison.Ordinal) == true)
        {
            Assert.True(scan.Facts is { Allowed: true, EnvAccesses.Count: 0 }, $"{name}: the codemod skips an allowed file the scan does not allow");
            return;
        }

        if (outcome.Kind is OutcomeKind.Failed)
        {
            Assert.Equal(ScanOutcomeKind.Failed, scan.Kind);
            return;
        }

        if (outcome.Kind is OutcomeKind.Skipped)
        {
            return; // the worker's byte-safety gates (form feeds, mixed line endings) stop any codemod before it classifies
        }

        // And the rewritable sites are the rewrites; a site refused only because of the accessor's binding there (which
        // the scan does not model) is a rewritable site of any form at that position
        var refusedAt = outcome.Reviews.Where(r => AccessorBindingKinds.Contains(r.Kind)).Select(r => $"{r.Line}:{r.Column}:").ToHashSet();
        var predicted = Sites(accesses, true);
        Assert.All(refusedAt, at => Assert.True(predicted.Any(p => p.StartsWith(at, StringComparison.Ordinal)), $"{name}: the codemod refused {at} for the accessor's binding, the scan has no rewritable site there"));
        predicted.RemoveWhere(p => refusedAt.Any(at => p.StartsWith(at, StringComparison.Ordinal)));

        // (a site a '# codemod: ignore' comment suppressed is not rewritten, whatever the scan says of it)
        var suppressedAt = outcome.Suppressed.Select(r => $"{r.Line}:{r.Column}:").ToHashSet();
        predicted.RemoveWhere(p => suppressedAt.Any(at => p.StartsWith(at, StringComparison.Ordinal)));
        if (!outcome.Reviews.Any(r => r.Kind == "accessor-name-taken"))
        {
            AssertSame(name, "rewritable", predicted, outcome.Changes.Select(Site).ToHashSet());
        }
        else
        {
            // the accessor's name is bound to something else: the codemod rewrites nothing in the file, whatever its forms
            Assert.True(outcome.Changes.Count == 0 && predicted.Count > 0, $"{name}: accessor-name-taken expects no rewrite and some rewritable site");
        }

        // And the scan's other findings are the codemod's review items about environment access
        var reviewed = outcome.Reviews.Where(r => !AccessorBindingKinds.Contains(r.Kind) && !FileLevelKinds.Contains(r.Kind)).Select(Site).ToHashSet();
        AssertSame(name, "review", Sites(accesses, false), reviewed);
    }

    private static string Site(ChangeRecord record) => $"{record.Line}:{record.Column}:{record.Kind}";

    private static HashSet<string> Sites(IReadOnlyList<EnvAccessFact> accesses, bool rewritable) =>
        accesses.Where(a => a.Rewritable == rewritable).Select(a => $"{a.Line}:{a.Column}:{a.Form}").ToHashSet();

    private static void AssertSame(string name, string what, HashSet<string> scan, HashSet<string> codemod)
    {
        var onlyScan = scan.Except(codemod).Order(StringComparer.Ordinal).ToList();
        var onlyCodemod = codemod.Except(scan).Order(StringComparer.Ordinal).ToList();
        Assert.True(
            onlyScan.Count == 0 && onlyCodemod.Count == 0,
            $"{name}: {what} sites differ; scan only [{string.Join(", ", onlyScan)}], codemod only [{string.Join(", ", onlyCodemod)}]");
    }
}
