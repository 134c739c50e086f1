using Codemod.Core.Changes;
using Codemod.Core.Engine;

namespace Codemod.Tests.Core;

public sealed class ChangedModuleReviewsTests
{
    [Fact]
    public void Item_naming_a_module_stays_only_when_that_modules_file_changed()
    {
        // Given a changed module under a source root, an unchanged one, and a test with an item about each
        var files = new[]
        {
            new FileOutcome { Path = "src/pkg/settings.py", Kind = OutcomeKind.Changed },
            new FileOutcome { Path = "src/pkg/paths.py", Kind = OutcomeKind.Unchanged },
            new FileOutcome
            {
                Path = "tests/test_pkg.py",
                Kind = OutcomeKind.Unchanged,
                Reviews =
                [
                    new ChangeRecord(3, 0, "patched-module-os", "settings") { RequiresChangedModule = "pkg.settings" },
                    new ChangeRecord(7, 0, "patched-module-os", "paths") { RequiresChangedModule = "pkg.paths" },
                    new ChangeRecord(9, 0, "environ-subscript-read", "ordinary"),
                ],
            },
        };

        // When the cross-file items are resolved
        var resolved = ChangedModuleReviews.Resolve(files);

        // Then the item about the changed module and the ordinary item remain
        Assert.Equal(["settings", "ordinary"], resolved.Single(f => f.Path == "tests/test_pkg.py").Reviews.Select(r => r.Message));
    }
}
