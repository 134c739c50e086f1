namespace Codemod.IntegrationTests.Scan;

/// <summary>The JSON and SARIF reports of each fixture folder, byte for byte against fixtures/scan/golden.</summary>
public sealed class ScanGoldenTests(ScanFixtureRuns runs) : IClassFixture<ScanFixtureRuns>
{
    public static TheoryData<string> Folders =>
    [
        "env-access", "duplicate-class-name", "identical-class", "manager-proliferation", "duplicate-mock", "singleton", "expired-shim", "syntax-error", "suppression",
    ];

    [Theory]
    [MemberData(nameof(Folders))]
    public async Task Json_report_matches_its_golden(string folder)
    {
        var scan = await runs.RunAsync(folder);

        GoldenReport.AssertMatches(folder, "json", scan.Json, scan.Root);
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public async Task Sarif_log_matches_its_golden(string folder)
    {
        var scan = await runs.RunAsync(folder);

        GoldenReport.AssertMatches(folder, "sarif", scan.Sarif, scan.Root);
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public async Task Sarif_log_has_the_fields_the_2_1_0_schema_requires(string folder)
    {
        SarifShape.AssertValid((await runs.RunAsync(folder)).Sarif);
    }
}
