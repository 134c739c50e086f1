using System.Globalization;

namespace Codemod.Core.Scan.Checks;

/// <summary>expired-shim: deprecated aliases whose sunset date is before today (the alias is promised up to and including its sunset).</summary>
internal sealed class ExpiredShimCheck : IScanCheck
{
    public static ScanRule Definition { get; } = new(
        "expired-shim",
        "Deprecation shim past its sunset date",
        "A name listed in a module's __codemod_deprecated__ marker (written by add-deprecation-shim) whose sunset date has " +
        "passed: migrate the remaining imports to the canonical name and delete the entry.",
        FindingLevel.Error);

    public ScanRule Rule => Definition;

    public int Order => 70;

    public IEnumerable<Finding> Find(ScanInput input) =>
        from file in input.Files
        from shim in file.Facts.Shims
        let sunset = ParseDate(shim.Sunset)
        where sunset is { } date && date < input.Today
        select new Finding(Rule.Id, file.Path, shim.Line,
            $"deprecated alias {shim.Name} of {shim.Canonical} passed its sunset {shim.Sunset}: move the remaining imports to {shim.Canonical} and delete the alias")
        {
            InTest = file.Facts.IsTest,
            Key = $"shim:{shim.Name}",
            Properties = Describe.Properties(("name", shim.Name), ("canonical", shim.Canonical), ("sunset", shim.Sunset!)),
        };

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
