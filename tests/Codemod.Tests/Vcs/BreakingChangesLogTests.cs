using System.Text;
using Codemod.Core.Changes;
using Codemod.Core.Vcs;

namespace Codemod.Tests.Vcs;

public sealed class BreakingChangesLogTests
{
    private static readonly RunId Id = RunId.New(new FixedClock("2026-11-21T15:30:12Z"), new Random(3));
    private static readonly BreakingRecord Moved = new("pkg.old.C is now a re-export of pkg.new.C", "import C from pkg.new");

    [Fact]
    public void A_missing_file_is_created_with_an_unreleased_section_holding_the_entry()
    {
        // Given no BREAKING_CHANGES.md
        // When an entry is added
        var text = Text(BreakingChangesLog.AddEntry(null, Id, "dedupe-class", "1.0.0", [Moved]));

        // Then the file has a title, the section and the entry: date, codemod, run id, what and how to migrate
        Assert.Equal(
            "# Breaking changes\n\nNewest first. Codemod runs that break an API add their entry under Unreleased.\n\n## Unreleased\n\n" +
            $"### 2026-11-21: dedupe-class 1.0.0 (run {Id.Value})\n\n" +
            "- pkg.old.C is now a re-export of pkg.new.C\n  - Migrate: import C from pkg.new\n\n" +
            $"Undo: `codemod rollback {Id.Value}`\n",
            text);
    }

    [Fact]
    public void A_new_entry_goes_first_under_unreleased_and_the_rest_stays_byte_for_byte()
    {
        // Given a file with an older entry and a released section
        const string existing = "# Breaking changes\n\n## Unreleased\n\n### 2026-01-01: old entry\n\n- old\n\n## 1.0.0\n\n- ancient\n";

        // When an entry is added
        var text = Text(BreakingChangesLog.AddEntry(Encoding.UTF8.GetBytes(existing), Id, "dedupe-class", "1.0.0", [Moved, Moved]));

        // Then it sits between the heading and the older entry, once, and nothing else moved
        Assert.StartsWith($"# Breaking changes\n\n## Unreleased\n\n### 2026-11-21: dedupe-class 1.0.0 (run {Id.Value})\n\n- pkg.old.C", text);
        Assert.EndsWith($"Undo: `codemod rollback {Id.Value}`\n\n### 2026-01-01: old entry\n\n- old\n\n## 1.0.0\n\n- ancient\n", text);
        Assert.Single(text.Split("- pkg.old.C").Skip(1));
    }

    [Fact]
    public void Without_an_unreleased_section_one_is_added_above_the_first_release()
    {
        const string existing = "# Changes\n\n## 1.0.0\n\n- ancient\n";
        var text = Text(BreakingChangesLog.AddEntry(Encoding.UTF8.GetBytes(existing), Id, "dedupe-class", "1.0.0", [Moved]));
        Assert.StartsWith("# Changes\n\n## Unreleased\n\n### 2026-11-21", text);
        Assert.EndsWith("`\n\n## 1.0.0\n\n- ancient\n", text);
    }

    [Fact]
    public void Crlf_files_keep_crlf()
    {
        const string existing = "# Breaking changes\r\n\r\n## Unreleased\r\n\r\n";
        var text = Text(BreakingChangesLog.AddEntry(Encoding.UTF8.GetBytes(existing), Id, "dedupe-class", "1.0.0", [Moved]));
        Assert.DoesNotContain("\n", text.Replace("\r\n", string.Empty, StringComparison.Ordinal));
        Assert.Contains("- pkg.old.C is now a re-export of pkg.new.C\r\n", text);
    }

    private static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
