using Codemod.Core.Scan;
using static Codemod.Tests.Scan.ScanFacts;

namespace Codemod.Tests.Scan;

public sealed class ScanAggregatorTests
{
    private static readonly DateOnly Today = new(2026, 3, 1);

    private static IReadOnlyList<Finding> Findings(string rule, params FileScan[] files) =>
        [.. ScanAggregator.Aggregate(files, Today).Findings.Where(f => f.Rule == rule)];

    [Fact]
    public void Env_access_is_reported_per_access_with_its_form_and_scope()
    {
        // Given a production file with two accesses and a test file with one
        var files = new[]
        {
            File("app/config.py", env: [Env(3), Env(7, "environ-subscript-read", rewritable: false)]),
            File("tests/test_config.py", env: [Env(5, "patch-dict-environ", rewritable: false)]),
        };

        // When aggregated
        var findings = Findings("env-access", files);

        // Then each access is a finding with its form, and the test one is marked as test code
        Assert.Equal([("app/config.py", 3, false), ("app/config.py", 7, false), ("tests/test_config.py", 5, true)], findings.Select(f => (f.Path, f.Line, f.InTest)));
        Assert.Equal("environ-subscript-read", findings[1].Properties["form"]);
        Assert.Equal(false, findings[1].Properties["rewritable"]);
        Assert.Contains("production code", findings[0].Message);
    }

    [Fact]
    public void Env_access_in_an_allowed_bootstrap_file_is_not_reported()
    {
        Assert.Empty(Findings("env-access", File("shared/isolated_environment.py", env: [Env(3)], allowed: true)));
    }

    [Fact]
    public void Class_name_in_two_non_test_modules_is_one_duplicate_group_listing_every_definition()
    {
        // Given SessionManager in two production modules and once more in a test
        var files = new[]
        {
            File("auth/session.py", classes: [Class("SessionManager", 10)]),
            File("backend/session.py", classes: [Class("SessionManager", 20)]),
            File("tests/test_session.py", classes: [Class("SessionManager", 5)]),
        };

        // When aggregated
        var findings = Findings("duplicate-class-name", files);

        // Then both production definitions are listed under one stable group; the test copy is not
        Assert.Equal(["auth/session.py", "backend/session.py"], findings.Select(f => f.Path));
        Assert.All(findings, f => Assert.Equal("duplicate-class-name:SessionManager", f.Group));
        Assert.Contains("also in backend.session", findings[0].Message);
    }

    [Fact]
    public void Class_name_defined_once_per_module_is_not_a_duplicate()
    {
        var files = new[]
        {
            File("app/a.py", classes: [Class("Handler", 1), Class("Handler", 9)]),
            File("app/b.py", classes: [Class("Other.Handler", 3)]),
            File("tests/test_a.py", classes: [Class("Handler", 1)]),
        };

        Assert.Empty(Findings("duplicate-class-name", files));
    }

    [Fact]
    public void Large_group_message_lists_five_other_modules_and_counts_the_rest()
    {
        // Given the same class name in 40 production modules
        var files = Enumerable.Range(0, 40).Select(i => File($"pkg/m{i:00}.py", classes: [Class("Config", 1)])).ToArray();

        // When aggregated
        var findings = Findings("duplicate-class-name", files);

        // Then every definition is a finding, and each message names five others and counts the other 34
        Assert.Equal(40, findings.Count);
        Assert.Equal("class Config is defined in 40 non-test modules; also in pkg.m01, pkg.m02, pkg.m03, pkg.m04, pkg.m05 and 34 more", findings[0].Message);
    }

    [Fact]
    public void Classes_with_the_same_fingerprint_are_identical_copies()
    {
        var files = new[]
        {
            File("agents/executor.py", classes: [Copy("MCPToolExecutor", 15, "485f3fcbbc95a867")]),
            File("services/executor.py", classes: [Copy("MCPToolExecutor", 15, "485f3fcbbc95a867")]),
            File("services/other.py", classes: [Copy("MCPToolExecutor", 3, "0000000000000000")]),
        };

        var findings = Findings("identical-class", files);

        Assert.Equal(["agents/executor.py", "services/executor.py"], findings.Select(f => f.Path));
        Assert.All(findings, f => Assert.Equal("identical-class:MCPToolExecutor:485f3fcbbc95a867", f.Group));
    }

    [Fact]
    public void Classes_that_differ_are_not_identical()
    {
        var files = new[] { File("a.py", classes: [Copy("X", 1, "aaaa")]), File("b.py", classes: [Copy("X", 1, "bbbb")]) };

        Assert.Empty(Findings("identical-class", files));
    }

    [Fact]
    public void Manager_classes_are_counted_by_name_without_tests_and_test_doubles()
    {
        var files = new[]
        {
            File("a/ws.py", classes: [Class("WebSocketManager", 1), Class("Manager", 9)]),
            File("b/ws.py", classes: [Class("WebSocketManager", 1), Class("MockCacheManager", 20)]),
            File("c/cache.py", classes: [Class("CacheManager", 1)]),
            File("tests/test_ws.py", classes: [Class("WebSocketManager", 1)]),
        };

        var findings = Findings("manager-proliferation", files);

        Assert.Equal(["a/ws.py", "b/ws.py", "c/cache.py"], findings.Select(f => f.Path));
        Assert.Equal(["manager-proliferation:WebSocketManager", "manager-proliferation:WebSocketManager", "manager-proliferation:CacheManager"], findings.Select(f => f.Group));
        Assert.Equal(2, findings[0].Properties["definitions"]);
    }

    [Fact]
    public void Mock_defined_in_two_test_files_is_a_duplicate_mock_pointing_at_the_shared_one()
    {
        var files = new[]
        {
            File("test_framework/fixtures/websocket.py", classes: [Class("MockWebSocketManager", 8)], isTest: false),
            File("tests/test_chat.py", classes: [Class("MockWebSocketManager", 11)]),
            File("tests/test_routes.py", classes: [Class("TestRoutes.MockWebSocketManager", 13)]),
        };

        var findings = Findings("duplicate-mock", files);

        Assert.Equal(["tests/test_chat.py", "tests/test_routes.py"], findings.Select(f => f.Path));
        Assert.All(findings, f => Assert.Equal("duplicate-mock:MockWebSocketManager", f.Group));
        Assert.Contains("test_framework.fixtures.websocket.MockWebSocketManager", findings[0].Message);
    }

    [Fact]
    public void Mock_in_one_test_file_or_lookalike_names_are_not_duplicate_mocks()
    {
        var files = new[]
        {
            File("tests/test_a.py", classes: [Class("FakeClock", 1), Class("Mockingbird", 5)]),
            File("tests/test_b.py", classes: [Class("Mockingbird", 1)]),
            File("app/clock.py", classes: [Class("FakeClock", 1)], isTest: false),
        };

        Assert.Empty(Findings("duplicate-mock", files));
    }

    [Fact]
    public void Singletons_are_reported_except_in_allowed_bootstrap_files()
    {
        var files = new[]
        {
            File("app/registry.py", singletons: [new SingletonFact(43, "registry", "module-instance", "AgentRegistry"), new SingletonFact(56, "get_instance", "get-instance", "Monitor")]),
            File("shared/isolated_environment.py", singletons: [new SingletonFact(82, "_environment", "module-instance", "IsolatedEnvironment")], allowed: true),
        };

        var findings = Findings("singleton", files);

        Assert.Equal([43, 56], findings.Select(f => f.Line));
        Assert.Equal("module-level singleton registry = AgentRegistry(...)", findings[0].Message);
    }

    [Fact]
    public void Shim_is_expired_only_after_its_sunset_day()
    {
        // Given shims ending yesterday, today, tomorrow, and one with an unreadable date
        var files = new[]
        {
            File("legacy/ws.py", shims:
            [
                new ShimFact(3, "Yesterday", "core.ws.A", "2026-02-28"),
                new ShimFact(4, "Today", "core.ws.B", "2026-03-01"),
                new ShimFact(5, "Tomorrow", "core.ws.C", "2026-03-02"),
                new ShimFact(6, "Unreadable", "core.ws.D", "soon"),
            ]),
        };

        // Then only the one whose sunset has passed is reported
        var finding = Assert.Single(Findings("expired-shim", files));
        Assert.Equal(3, finding.Line);
        Assert.Contains("core.ws.A", finding.Message);
    }

    [Fact]
    public void Totals_list_every_rule_in_catalogue_order_and_split_production_from_test()
    {
        var report = ScanAggregator.Aggregate([File("app/a.py", env: [Env(1)]), File("tests/test_a.py", env: [Env(2), Env(3)])], Today);

        Assert.Equal(ScanRules.All.Select(r => r.Id), report.Totals.Select(t => t.Rule.Id));
        Assert.Equal((3, 1, 2), (report.Totals[0].Count, report.Totals[0].Production, report.Totals[0].Test));
        Assert.All(report.Totals.Skip(1), t => Assert.Equal(0, t.Count));
    }

    [Fact]
    public void Failed_and_skipped_files_are_listed_and_never_counted_as_scanned()
    {
        var report = ScanAggregator.Aggregate(
            [File("app/a.py"), FileScan.Failed("app/broken.py", "syntax error at line 3: invalid syntax", 3), FileScan.Skipped("app/huge.py", "too large")],
            Today);

        Assert.Equal((3, 1), (report.FilesFound, report.FilesScanned));
        Assert.Equal(3, Assert.Single(report.Failed).Line);
        Assert.Equal("app/huge.py", Assert.Single(report.Skipped).Path);
    }

    [Fact]
    public void Findings_are_sorted_by_path_line_and_column_with_whole_line_findings_first()
    {
        var a = File("b.py", env: [Env(9), Env(2)], classes: [Class("XManager", 2)]);
        var b = File("a.py", env: [Env(5)]);

        var findings = ScanAggregator.Aggregate([a, b], Today).Findings;

        Assert.Equal([("a.py", 5, "env-access"), ("b.py", 2, "manager-proliferation"), ("b.py", 2, "env-access"), ("b.py", 9, "env-access")], findings.Select(f => (f.Path, f.Line, f.Rule)));
    }

    [Fact]
    public void Packages_and_worst_files_count_findings_by_first_folder_and_file()
    {
        var report = ScanAggregator.Aggregate([File("setup.py", env: [Env(1)]), File("app/a.py", env: [Env(1), Env(2)]), File("app/b.py", env: [Env(1)])], Today);

        Assert.Equal([("(root)", 1), ("app", 3)], report.Packages.Select(p => (p.Package, p.Total)));
        Assert.Equal([("app/a.py", 2), ("app/b.py", 1)], report.WorstFiles(2).Select(f => (f.Path, f.Total)));
    }
}
