using Codemod.Core.Files;
using Codemod.Core.Scan;
using Codemod.IntegrationTests.Infrastructure;
using Codemod.Python;

namespace Codemod.IntegrationTests.Scan;

/// <summary>The worker's scan facts as the engine reads them (fixtures/scan/class-facts), through a real worker shared by the tests.</summary>
public sealed class ScanFactsTests(ScanFactsTests.Worker worker) : IClassFixture<ScanFactsTests.Worker>
{
    private async Task<FileFacts> FactsAsync(string relative)
    {
        var full = Path.Combine(ScanFixtureRuns.FixtureFolder("class-facts"), relative);
        var scan = await worker.Pool.ScanAsync(SourceFile.FromBytes(relative, full, File.ReadAllBytes(full)), new Dictionary<string, IReadOnlyList<string>>(), CancellationToken.None);
        Assert.Equal(ScanOutcomeKind.Scanned, scan.Kind);
        return scan.Facts!;
    }

    [Fact]
    public async Task Class_facts_carry_bases_decorators_and_nesting()
    {
        var facts = await FactsAsync("billing/invoices.py");

        var classes = facts.Classes.ToDictionary(c => c.Name);
        Assert.Equal(["str", "enum.Enum"], classes["Currency"].Bases);
        Assert.Equal(["dataclasses.dataclass"], classes["LineItem"].Decorators);
        Assert.Equal(["Generic"], classes["Ledger"].Bases);
        Assert.Equal((35, true), (classes["Invoice.Status"].Line, classes["Invoice.Status"].Nested));
        Assert.True(classes["render.<locals>.Row"].Nested);
        Assert.False(classes["Invoice"].Nested);
        Assert.All(facts.Classes, c => Assert.Matches("^[0-9a-f]{16}$", c.Fingerprint));
    }

    [Fact]
    public async Task Import_facts_keep_unresolvable_relative_imports_and_local_imports_apart()
    {
        var facts = await FactsAsync("billing/invoices.py");

        Assert.Contains(facts.Imports, i => i is { Kind: ImportKind.From, Module: "...", Name: "settings", Line: 9, Unresolved: true });
        Assert.Contains(facts.Imports, i => i is { Kind: ImportKind.Import, Module: "json", Line: 44, TopLevel: false });
        Assert.Equal(("billing.invoices", "billing", false), (facts.Module, facts.Package, facts.IsTest));
    }

    [Fact]
    public async Task Package_init_reports_its_literal_dunder_all()
    {
        var facts = await FactsAsync("billing/__init__.py");

        Assert.Equal(["Invoice", "LineItem", "Currency"], facts.AllNames);
        Assert.Contains(facts.Imports, i => i is { Kind: ImportKind.From, Module: "billing.invoices", Name: "Invoice" });
    }

    /// <summary>One real worker for the class.</summary>
    public sealed class Worker : IAsyncLifetime
    {
        public WorkerPool Pool { get; } = new(new PythonSettings("python3", [PythonSettings.BundledCodemodDirectory], TimeSpan.FromSeconds(60), 1));

        public Task InitializeAsync() => Task.CompletedTask;

        public Task DisposeAsync() => Pool.DisposeAsync().AsTask();
    }
}
