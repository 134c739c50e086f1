using System.Text.Json;
using Codemod.Core.Scan;
using Codemod.Core.Scan.Checks;

namespace Codemod.Tests.Scan;

/// <summary>A rule is one check class and its fact one record: nothing else lists them.</summary>
public sealed class ScanCatalogueTests
{
    private static readonly DateOnly Today = new(2026, 1, 1);

    /// <summary>A fact the built-in scan does not know, as a new rule would add it.</summary>
    [ScanFact("globals")]
    internal sealed record GlobalFact(int Line, string Name);

    /// <summary>A check that exists only in this test assembly.</summary>
    internal sealed class MutableGlobalCheck : IScanCheck
    {
        public ScanRule Rule { get; } = new("mutable-global", "Mutable module global", "A module-level name assigned a mutable value.", FindingLevel.Note);

        public int Order => 90;

        public IEnumerable<Finding> Find(ScanInput input) =>
            from file in input.Files
            from global in file.Facts.Of<GlobalFact>()
            select new Finding(Rule.Id, file.Path, global.Line, $"mutable global {global.Name}") { Key = $"global:{global.Name}" };
    }

    [Fact]
    public void The_catalogue_lists_every_check_of_the_assembly_in_report_order()
    {
        Assert.Equal(
            ["env-access", "duplicate-class-name", "identical-class", "manager-proliferation", "duplicate-mock", "singleton", "expired-shim", "stale-suppression"],
            ScanRules.All.Select(r => r.Id));
        Assert.Equal(["classes", "envAccesses", "imports", "shims", "singletons", "suppressions"], ScanCatalogue.Default.FactKinds.Select(k => k.Name));
    }

    [Fact]
    public void A_check_class_is_registered_by_existing()
    {
        var discovered = ScanCatalogue.Discover(typeof(ScanCatalogueTests).Assembly);

        Assert.Equal(["mutable-global"], discovered.Rules.Select(r => r.Id));
        Assert.Equal(["globals"], discovered.FactKinds.Select(k => k.Name));
    }

    [Fact]
    public void A_registered_check_reads_its_fact_from_the_workers_json_and_reaches_the_report()
    {
        // Given the worker's response with a fact kind no built-in rule reads
        using var response = JsonDocument.Parse("""
            {"ok": true, "outcome": "scanned", "module": "app.config", "package": "app", "isTest": false, "allowed": false,
             "envAccesses": [], "classes": [], "globals": [{"line": 3, "name": "REGISTRY"}]}
            """);
        var catalogue = ScanCatalogue.Default.With(new MutableGlobalCheck(), typeof(GlobalFact));

        // When the facts are read and aggregated with the extra check registered
        var facts = FileFactsJson.Read(response.RootElement, catalogue.FactKinds);
        var report = ScanAggregator.Aggregate([FileScan.Scanned("app/config.py", facts)], Today, catalogue);

        // Then the rule is listed after the built-in ones, counted, and its finding carries the fact
        Assert.Equal([.. ScanRules.All.Select(r => r.Id), "mutable-global"], report.Rules.Select(r => r.Id));
        Assert.Equal(1, report.Count("mutable-global"));
        var finding = Assert.Single(report.Findings);
        Assert.Equal(("mutable-global", 3, "mutable global REGISTRY"), (finding.Rule, finding.Line, finding.Message));
    }

    [Fact]
    public void Facts_round_trip_through_the_workers_shape()
    {
        // Given facts of every built-in kind
        var facts = new FileFacts
        {
            Module = "pkg.mod",
            Package = "pkg",
            IsTest = true,
            EnvAccesses = [new EnvAccessFact(1, 4, "environ-get", true, "get")],
            Classes = [new ClassFact { Name = "A.B", Line = 2, Bases = ["Base"], Fingerprint = "f", Nested = true }],
            Imports = [new ImportFact(ImportKind.From, "os", "environ", "env", 1, true)],
            Singletons = [new SingletonFact(5, "registry", "module-instance", "Registry")],
            Shims = [new ShimFact(7, "Old", "pkg.New", null)],
            AllNames = ["A"],
        };

        // When written as JSON and read back
        var json = JsonSerializer.Serialize(facts);
        using var document = JsonDocument.Parse(json);
        var back = FileFactsJson.Read(document.RootElement);

        // Then the worker's field names are used and every fact survives
        Assert.Contains("\"asname\":\"env\"", json, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"from\"", json, StringComparison.Ordinal);
        Assert.Equal(json, JsonSerializer.Serialize(back));
        Assert.Equal(facts.Imports, back.Imports);
        Assert.Equal(facts.Shims, back.Shims);
        Assert.Equal("A.B", back.Classes[0].Name);
    }

    [Fact]
    public void A_fact_that_does_not_fit_its_record_is_a_json_error_not_a_silent_default()
    {
        using var response = JsonDocument.Parse("""{"module": "m", "package": "", "shims": [{"line": "three", "name": 1}]}""");

        Assert.ThrowsAny<JsonException>(() => FileFactsJson.Read(response.RootElement));
    }
}
