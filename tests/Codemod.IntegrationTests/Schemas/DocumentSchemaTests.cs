using Codemod.IntegrationTests.Git;
using Codemod.IntegrationTests.Infrastructure;

namespace Codemod.IntegrationTests.Schemas;

/// <summary>Every JSON document the CLI writes matches its schema in docs/schemas, checked on real runs.</summary>
public sealed partial class DocumentSchemaTests
{
    [Fact]
    public async Task Scan_report_and_the_baseline_it_writes_match_their_schemas()
    {
        // Given a copy of the sample monorepo
        using var temp = new TempDirectory();
        temp.CopyFrom(Paths.SampleMonorepo, "sample");

        // When it is scanned to JSON, recording a baseline
        var result = await CliHarness.RunAsync(temp.Path, "scan", temp.Combine("sample"), "--format", "json", "--write-baseline", temp.Combine("baseline.json"));

        // Then the report is a scan report and the baseline is one too, and a baseline
        Assert.True(result.ExitCode == 0, result.ToString());
        DocumentSchemas.AssertValid("scan-report", result.Stdout);
        var baseline = File.ReadAllText(temp.Combine("baseline.json"));
        DocumentSchemas.AssertValid("scan-report", baseline);
        DocumentSchemas.AssertValid("baseline", baseline);
    }

    [Fact]
    public async Task Mro_document_matches_its_schema()
    {
        using var temp = new TempDirectory();
        temp.CopyFrom(Paths.SampleMonorepo, "sample");

        var result = await CliHarness.RunAsync(temp.Combine("sample"), "mro", "*Manager", ".", "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("\"qualifiedName\"", result.Stdout, StringComparison.Ordinal);
        DocumentSchemas.AssertValid("mro", result.Stdout);
    }

    [Fact]
    public async Task Preview_document_matches_the_changeset_schema()
    {
        using var temp = new TempDirectory();
        temp.CopyFrom(Paths.SampleMonorepo, "sample");

        var result = await CliHarness.RunAsync(temp.Combine("sample"), "preview", "env-to-isolated", "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("\"outcome\": \"changed\"", result.Stdout, StringComparison.Ordinal);
        DocumentSchemas.AssertValid("changeset", result.Stdout);
    }

    [Fact]
    public async Task Apply_commit_history_and_the_stored_report_match_their_schemas()
    {
        // Given a repository where env-to-isolated was applied and committed
        using var repo = GitFixture.Create();
        var apply = await GitFixture.ApplyCommitAsync(repo, GitFixture.Clock(), "--format", "json");
        Assert.True(apply.ExitCode == 0, apply.ToString());
        var runId = GitFixture.OnlyRunId(repo);

        // When the history is listed, and the run's stored report shown
        var list = await CliHarness.RunAsync(repo.Path, "history", "--format", "json");
        var one = await CliHarness.RunAsync(repo.Path, "history", runId, "--format", "json");

        // Then the apply document is a change set with its commit, and both history documents match (the note through changeset)
        DocumentSchemas.AssertValid("changeset", apply.Stdout);
        Assert.Contains("\"commit\": {", apply.Stdout, StringComparison.Ordinal);
        DocumentSchemas.AssertValid("history", list.Stdout);
        DocumentSchemas.AssertValid("history", one.Stdout);
        Assert.Contains("\"reports\"", one.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_report_matches_its_schema_for_a_run_and_a_dry_run()
    {
        // Given a clean repository and a one-step plan outside it
        using var repo = GitFixture.Create();
        using var scratch = new TempDirectory();
        scratch.Write("plan.yaml", "name: schema\nsteps:\n  - codemod: env-to-isolated\n");

        // When the plan is previewed, then run
        var dry = await CliHarness.RunAsync(repo.Path, "plan", scratch.Combine("plan.yaml"), "--dry-run", "--format", "json", "-j", "1");
        var run = await CliHarness.RunAsync(repo.Path, "plan", scratch.Combine("plan.yaml"), "--format", "json", "-j", "1");

        // Then both reports match the plan-report schema
        Assert.True(dry.ExitCode == 0, dry.ToString());
        Assert.True(run.ExitCode == 0, run.ToString());
        DocumentSchemas.AssertValid("plan-report", dry.Stdout);
        DocumentSchemas.AssertValid("plan-report", run.Stdout);
        Assert.Contains("\"status\": \"committed\"", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_that_breaks_the_schema_is_rejected()
    {
        // The check itself can fail: a scan report whose finding lost its rule, with a string count, is not valid.
        var broken = """{"schemaVersion": 1, "command": "scan", "root": "/r", "today": "2026-01-01", "arguments": {}, "files": {"found": 1, "scanned": 1, "failed": 0, "skipped": 0}, "totals": {"env-access": "3"}, "findings": [], "failed": [], "skipped": [], "packages": []}""";

        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => DocumentSchemas.AssertValid("scan-report", broken));
    }
}
