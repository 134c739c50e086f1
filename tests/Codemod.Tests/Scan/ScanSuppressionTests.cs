using Codemod.Core.Scan;
using static Codemod.Tests.Scan.ScanFacts;

namespace Codemod.Tests.Scan;

/// <summary># codemod: ignore comments in the scan: which findings they suppress, how they are counted, which are stale.</summary>
public sealed class ScanSuppressionTests
{
    private static readonly DateOnly Today = new(2026, 3, 1);

    private static ScanReport Aggregate(params FileScan[] files) => ScanAggregator.Aggregate(files, Today);

    [Fact]
    public void A_bare_comment_on_the_findings_line_suppresses_it_and_counts_it()
    {
        // Given two accesses, the first on a line with a bare comment
        var report = Aggregate(File("app/config.py", env: [Env(3), Env(5)], suppressions: [Ignore(3)]));

        // Then only the second is a finding; the first is counted as suppressed, not lost
        Assert.Equal([5], report.Findings.Select(f => f.Line));
        Assert.Equal([3], report.Suppressed.Select(f => f.Line));
        Assert.Equal((1, 1), (report.Count("env-access"), report.Totals.Single(t => t.Rule.Id == "env-access").Suppressed));
    }

    [Fact]
    public void A_comment_on_the_first_line_of_a_statement_covers_the_statement_and_nothing_after_it()
    {
        // Given a statement on lines 3-5 whose first line carries the comment, accesses on lines 4 and 6
        var report = Aggregate(File("app/config.py", env: [Env(4), Env(6)], suppressions: [Ignore(3, end: 5)]));

        Assert.Equal([4], report.Suppressed.Select(f => f.Line));
        Assert.Equal([6], report.Findings.Select(f => f.Line));
    }

    [Theory]
    [InlineData("env-access")]
    [InlineData("env-to-isolated")]
    [InlineData("env-in-tests")]
    public void A_scoped_comment_names_the_rule_or_a_codemod_that_fixes_it(string name)
    {
        var report = Aggregate(File("app/config.py", env: [Env(3)], suppressions: [Ignore(3, null, name)]));

        Assert.Empty(report.Findings);
        Assert.Single(report.Suppressed);
    }

    [Fact]
    public void A_comment_naming_another_rule_suppresses_nothing_and_is_stale()
    {
        // Given an access whose comment names the singleton rule
        var report = Aggregate(File("app/config.py", env: [Env(3)], suppressions: [Ignore(3, null, "singleton")]));

        // Then the access is still reported, and the comment is a stale-suppression note
        Assert.Equal(["env-access", "stale-suppression"], report.Findings.Select(f => f.Rule).Order(StringComparer.Ordinal));
        var stale = report.Findings.Single(f => f.Rule == "stale-suppression");
        Assert.Equal("# codemod: ignore[singleton] suppresses nothing: remove it", stale.Message);
        Assert.Equal(FindingLevel.Note, ScanRules.StaleSuppression.Level);
        Assert.Empty(report.Suppressed);
    }

    [Fact]
    public void A_bare_comment_where_no_rule_finds_anything_is_stale_in_its_files_scope()
    {
        var report = Aggregate(File("tests/test_config.py", suppressions: [Ignore(7)]));

        var stale = Assert.Single(report.Findings);
        Assert.Equal(("stale-suppression", 7, true), (stale.Rule, stale.Line, stale.InTest));
        Assert.Equal(1, report.Count("stale-suppression"));
    }

    [Fact]
    public void A_comment_naming_a_codemod_no_rule_watches_is_not_judged()
    {
        // redirect-imports rewrites imports the scan does not report: the scan cannot tell the comment is unneeded
        var report = Aggregate(File("app/config.py", suppressions: [Ignore(2, null, "redirect-imports")]));

        Assert.Empty(report.Findings);
    }

    [Fact]
    public void A_comment_in_another_file_suppresses_nothing_here()
    {
        var report = Aggregate(
            File("app/a.py", env: [Env(3)]),
            File("app/b.py", suppressions: [Ignore(3)]));

        Assert.Equal([("app/a.py", "env-access"), ("app/b.py", "stale-suppression")], report.Findings.Select(f => (f.Path, f.Rule)));
    }

    [Fact]
    public void A_suppressed_member_of_a_duplicate_group_leaves_the_others_reported()
    {
        // Given SessionManager twice, one definition marked with the dedupe-class codemod's name
        var report = Aggregate(
            File("auth/session.py", classes: [Class("SessionManager", 10)], suppressions: [Ignore(10, null, "dedupe-class")]),
            File("backend/session.py", classes: [Class("SessionManager", 20)]));

        Assert.Equal(["backend/session.py"], report.Findings.Where(f => f.Rule == "duplicate-class-name").Select(f => f.Path));
        Assert.Equal(["auth/session.py"], report.Suppressed.Select(f => f.Path));
        Assert.DoesNotContain(report.Findings, f => f.Rule == "stale-suppression");
    }

    [Fact]
    public void Suppressed_findings_do_not_count_against_the_baseline()
    {
        // Given a baseline of one env-access finding, and a scan that adds a second access under a comment
        var report = Aggregate(File("app/config.py", env: [Env(3), Env(5)], suppressions: [Ignore(5)]));

        // When compared with the baseline
        var comparison = BaselineComparison.Compare(new Dictionary<string, int> { ["env-access"] = 1 }, report);

        // Then the ratchet holds: the suppressed access is not a new finding
        Assert.False(comparison.Exceeded);
        Assert.Equal(1, comparison.Rows.Single(r => r.Rule == "env-access").Now);
    }

    [Fact]
    public void Suppression_facts_round_trip_through_the_workers_shape()
    {
        using var response = System.Text.Json.JsonDocument.Parse("""
            {"module": "app.config", "package": "app", "suppressions": [{"line": 3, "end": 5}, {"line": 8, "end": 8, "names": ["env-access"]}]}
            """);

        var facts = FileFactsJson.Read(response.RootElement).Of<SuppressionFact>();

        Assert.Equal([new SuppressionFact(3, 5), new SuppressionFact(8, 8, facts[1].Names)], facts);
        Assert.Null(facts[0].Names);
        Assert.Equal(["env-access"], facts[1].Names!);
    }
}
