using Codemod.Core.Cache;
using Codemod.Core.Transform;

namespace Codemod.Tests.Cache;

public sealed class DateDependenceTests
{
    private static readonly CodemodInfo WithToday = new("remove-expired-shim", "", "1.0.0", [], [new CodemodParameter("today", "", null, false, false)]);
    private static readonly CodemodInfo WithoutToday = new("env-to-isolated", "", "1.0.0", [], [new CodemodParameter("module", "", "m", false, false)]);
    private static readonly Dictionary<string, IReadOnlyList<string>> NoArguments = [];

    [Fact]
    public void An_unset_today_puts_the_date_in_the_key_so_each_day_has_its_own_answers()
    {
        var monday = DateDependence.KeyPart(WithToday, NoArguments, new DateOnly(2026, 11, 23));
        var tuesday = DateDependence.KeyPart(WithToday, NoArguments, new DateOnly(2026, 11, 24));

        Assert.Equal("today=2026-11-23", monday);
        Assert.NotEqual(monday, tuesday);
    }

    [Fact]
    public void A_given_today_or_a_codemod_without_one_does_not_depend_on_the_date()
    {
        var given = new Dictionary<string, IReadOnlyList<string>> { ["today"] = ["2026-01-01"] };

        Assert.Null(DateDependence.KeyPart(WithToday, given, new DateOnly(2026, 11, 23)));
        Assert.Null(DateDependence.KeyPart(WithoutToday, NoArguments, new DateOnly(2026, 11, 23)));
    }
}
