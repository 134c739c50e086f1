namespace Codemod.IntegrationTests.Scan;

/// <summary>Each rule on its fixture folder (fixtures/scan/EXPECTED.md): what must be found, and what must not.</summary>
public sealed class ScanRuleTests(ScanFixtureRuns runs) : IClassFixture<ScanFixtureRuns>
{
    [Fact]
    public async Task Env_access_reports_every_form_at_the_codemods_position_and_skips_the_bootstrap_file()
    {
        // Given the env-access fixture, scanned with the default allow glob
        var scan = await runs.RunAsync("env-access");

        // When its env-access findings are listed
        var findings = scan.Of("env-access");

        // Then the 26 accesses of EXPECTED.md are there, rewritable or not, and nothing from the allowed or shadowed files
        var expected = new[]
        {
            "app/aliases.py:9:11", "app/aliases.py:13:11", "app/aliases.py:17:11", "app/aliases.py:21:11",
            "app/bom_crlf.py:4:20", "app/config.py:9:11", "app/config.py:13:11", "app/config.py:17:4", "app/config.py:21:4",
            "app/config.py:25:11", "app/config.py:29:11", "app/config.py:33:11", "app/config.py:37:11", "app/config.py:41:4",
            "app/config.py:45:4", "app/legacy_latin1.py:5:31", "app/startup.py:8:11", "app/startup.py:12:11",
            "app/startup.py:16:11", "app/startup.py:20:16", "app/startup.py:22:23", "app/startup.py:27:55", "app/startup.py:31:4",
            "app/startup.py:35:4", "tests/test_config.py:10:5", "tests/test_config.py:15:13",
        };
        Assert.Equal(expected, findings.Select(f => f.Location));
        Assert.Equal(13, findings.Count(f => f.Properties.GetProperty("rewritable").GetBoolean()));
        Assert.Equal(["tests/test_config.py", "tests/test_config.py"], findings.Where(f => f.Scope == "test").Select(f => f.Path));
        Assert.Equal("environ-items", findings.Single(f => f.Location == "app/startup.py:22:23").Properties.GetProperty("form").GetString());
        Assert.DoesNotContain(scan.Findings, f => f.Path is "shared/isolated_environment.py" or "app/shadowed.py");
    }

    [Fact]
    public async Task Allow_argument_replaces_the_default_bootstrap_file()
    {
        // Given the env-access fixture and an allow glob naming app/config.py instead of the default
        using var temp = new Infrastructure.TempDirectory();
        temp.CopyFrom(ScanFixtureRuns.FixtureFolder("env-access"));

        // When scanned as JSON
        var result = await Infrastructure.CliHarness.RunAsync(temp.Path, "scan", ".", "--format", "json", "--arg", "allow=app/config.py");

        // Then app/config.py is silent and the isolated environment module now reports its own accesses
        var findings = ScanFinding.Parse(result.Stdout).Where(f => f.Rule == "env-access").ToList();
        Assert.DoesNotContain(findings, f => f.Path == "app/config.py");
        Assert.Contains(findings, f => f.Path == "shared/isolated_environment.py");
    }

    [Fact]
    public async Task Same_class_name_in_two_production_modules_is_one_group_and_the_test_copy_is_left_out()
    {
        var findings = (await runs.RunAsync("duplicate-class-name")).Of("duplicate-class-name");

        Assert.Equal(["auth_service/auth_core/session_manager.py:7", "netra_backend/app/services/session_manager.py:7"], findings.Select(f => f.Location));
        Assert.All(findings, f => Assert.Equal("duplicate-class-name:SessionManager", f.Group));
    }

    [Fact]
    public async Task Identical_copies_are_grouped_by_fingerprint_and_the_differing_copy_is_not()
    {
        var scan = await runs.RunAsync("identical-class");

        var findings = scan.Of("identical-class");

        Assert.Equal(["netra_backend/app/agents/mcp_tool_executor.py:6", "netra_backend/app/services/mcp/tool_executor.py:5"], findings.Select(f => f.Location));
        Assert.All(findings, f => Assert.Equal("identical-class:MCPToolExecutor:9a41001373a9224c", f.Group));
        Assert.Equal(3, scan.Of("duplicate-class-name").Count);
    }

    [Fact]
    public async Task Manager_classes_are_counted_by_name_and_lookalikes_are_not()
    {
        var findings = (await runs.RunAsync("manager-proliferation")).Of("manager-proliferation");

        Assert.Equal(
            ["netra_backend/app/services/cache_manager.py:6", "netra_backend/app/services/session_manager.py:6", "netra_backend/app/services/session_manager.py:11",
             "netra_backend/app/websocket/manager.py:6", "netra_backend/app/websocket/manager.py:11"],
            findings.Select(f => f.Location));
        Assert.Equal(
            ["CacheManager", "SessionManager", "SessionStateManager", "ConnectionManager", "WebSocketManager"],
            findings.Select(f => f.Properties.GetProperty("class").GetString()));
    }

    [Fact]
    public async Task Mock_defined_in_two_test_files_is_a_group_and_single_fakes_are_not()
    {
        var findings = (await runs.RunAsync("duplicate-mock")).Of("duplicate-mock");

        Assert.Equal(["tests/auth/test_session.py:4", "tests/backend/test_websocket_routes.py:4"], findings.Select(f => f.Location));
        Assert.All(findings, f => Assert.Equal("duplicate-mock:MockWebSocketManager", f.Group));
    }

    [Fact]
    public async Task Singleton_patterns_are_found_and_ordinary_instances_are_not()
    {
        var findings = (await runs.RunAsync("singleton")).Of("singleton");

        Assert.Equal(
            [
                ("netra_backend/app/services/agent_registry.py:8", "instance-attribute"),
                ("netra_backend/app/services/agent_registry.py:15", "get-instance"),
                ("netra_backend/app/services/agent_registry.py:22", "module-instance"),
                ("netra_backend/app/services/clients.py:8", "module-instance"),
                ("netra_backend/app/services/feature_flags.py:11", "get-instance"),
                ("netra_backend/app/services/feature_flags.py:21", "module-instance"),
            ],
            findings.Select(f => (f.Location, f.Properties.GetProperty("kind").GetString())));
    }

    [Fact]
    public async Task Shim_past_its_sunset_is_expired_and_a_future_one_is_not()
    {
        var finding = Assert.Single((await runs.RunAsync("expired-shim")).Of("expired-shim"));

        Assert.Equal("netra_backend/app/websocket/manager.py:7", finding.Location);
        Assert.Equal("2020-01-01", finding.Properties.GetProperty("sunset").GetString());
    }

    [Fact]
    public async Task Shim_is_not_expired_on_a_day_before_its_sunset()
    {
        // Given the same fixture judged on 2019-12-31, the day before the earliest sunset
        using var temp = new Infrastructure.TempDirectory();
        temp.CopyFrom(ScanFixtureRuns.FixtureFolder("expired-shim"));

        var result = await Infrastructure.CliHarness.RunAsync(temp.Path, "scan", ".", "--format", "json", "--today", "2019-12-31");

        Assert.DoesNotContain(ScanFinding.Parse(result.Stdout), f => f.Rule == "expired-shim");
    }

    [Fact]
    public async Task File_with_a_syntax_error_is_listed_as_failed_and_the_rest_is_scanned()
    {
        // Given a folder with one broken and one healthy file
        var scan = await runs.RunAsync("syntax-error");

        // Then the broken file is listed with reason and line, the healthy one is scanned, and the run exits 1
        var failed = Assert.Single(scan.Document.GetProperty("failed").EnumerateArray());
        Assert.Equal("app/broken.py", failed.GetProperty("path").GetString());
        Assert.Equal(7, failed.GetProperty("line").GetInt32());
        Assert.Equal("syntax error at line 7: expected ':'", failed.GetProperty("reason").GetString());
        Assert.Equal((2, 1, 1), (scan.Document.GetProperty("files").GetProperty("found").GetInt32(), scan.Document.GetProperty("files").GetProperty("scanned").GetInt32(), scan.Document.GetProperty("files").GetProperty("failed").GetInt32()));
        Assert.Equal(1, scan.Result.ExitCode);
    }

    [Fact]
    public async Task Clean_folders_exit_zero()
    {
        Assert.Equal(0, (await runs.RunAsync("duplicate-mock")).Result.ExitCode);
    }
}
