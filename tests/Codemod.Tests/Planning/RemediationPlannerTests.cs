using Codemod.Cli.Plans;
using Codemod.Core.Planning;
using Codemod.Core.Scan;
using static Codemod.Tests.Scan.ScanFacts;

namespace Codemod.Tests.Planning;

public sealed class RemediationPlannerTests
{
    private static readonly PlannerSettings Settings = new(new DateOnly(2026, 11, 26));

    private static ClassFact Manager(string name, int line, string fingerprint, string[] methods, string[]? bases = null) =>
        new() { Name = name, Line = line, Fingerprint = fingerprint, Methods = methods, Bases = bases ?? [] };

    [Fact]
    public void Equal_copies_become_one_dedupe_step_towards_the_most_imported_definition()
    {
        // Given two equal copies of a class, the second imported by two files
        var files = new[]
        {
            File("pkg/a/executor.py", classes: [Manager("Executor", 3, "same", ["run"])]),
            File("pkg/b/executor.py", classes: [Manager("Executor", 5, "same", ["run"])]),
            File("pkg/use1.py", imports: [From("pkg.b.executor", "Executor")]),
            File("pkg/use2.py", imports: [From("pkg.b.executor", "Executor")]),
        };

        // When a plan is suggested
        var plan = RemediationPlanner.Suggest(files, Settings);

        // Then one dedupe step keeps the imported one, and the scan loses both rules' findings
        var step = Assert.Single(plan.Steps);
        Assert.Equal("dedupe-class", step.Codemod);
        Assert.Equal("pkg.b.executor.Executor", step.Arguments.Single(a => a.Key == "canonical").Value);
        Assert.Equal([new("duplicate-class-name", 2), new("identical-class", 2)], step.Reduction);
        Assert.Equal(4, plan.FindingsBefore);
        Assert.Equal(0, plan.FindingsAfter);
    }

    [Fact]
    public void The_canonical_choice_is_explained_with_its_score_and_the_runner_up()
    {
        // Given equal copies in production and in a deeper module
        var files = new[]
        {
            File("pkg/executor.py", classes: [Manager("Executor", 3, "same", ["run"])]),
            File("pkg/deep/er/executor.py", classes: [Manager("Executor", 3, "same", ["run"])]),
        };

        // When the plan is written
        var yaml = PlanYamlWriter.Write(RemediationPlanner.Suggest(files, Settings));

        // Then the comment names the winner's score parts and the runner-up
        Assert.Contains("# Executor: canonical pkg.executor.Executor (score 98: production code +100, 2-part module path -2)", yaml, StringComparison.Ordinal);
        Assert.Contains("#   runner-up pkg.deep.er.executor.Executor (score 96: production code +100, 4-part module path -4)", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void An_interchangeable_legacy_class_is_redirected_then_shimmed_with_a_sunset_the_given_days_later()
    {
        // Given a legacy class whose methods all exist on the more imported canonical one
        var files = new[]
        {
            File("core/manager.py", classes: [Manager("SessionManager", 4, "core", ["end", "start"])]),
            File("legacy/manager.py", classes: [Manager("SessionManager", 4, "legacy", ["start"])]),
            File("app/use.py", imports: [From("core.manager", "SessionManager")]),
        };

        // When a plan is suggested with 30 days to the sunset
        var plan = RemediationPlanner.Suggest(files, Settings with { SunsetDays = 30 });

        // Then the redirect comes first, then the shim, which removes the duplicate name and one manager
        Assert.Equal(["redirect-imports", "add-deprecation-shim"], plan.Steps.Select(s => s.Codemod));
        Assert.Equal([new("from", "legacy.manager.SessionManager"), new("to", "core.manager.SessionManager")], plan.Steps[0].Arguments);
        Assert.Equal([new("legacy", "legacy.manager.SessionManager"), new("canonical", "core.manager.SessionManager"), new("sunset", "2026-12-26")], plan.Steps[1].Arguments);
        Assert.Empty(plan.Steps[0].Reduction);
        Assert.Equal([new("duplicate-class-name", 2), new("manager-proliferation", 1)], plan.Steps[1].Reduction);
    }

    [Fact]
    public void Classes_with_different_methods_or_bases_are_never_merged_but_listed_for_review()
    {
        // Given two same-named classes, one with a method and a base the other lacks
        var files = new[]
        {
            File("core/manager.py", classes: [Manager("SessionManager", 4, "core", ["start"])]),
            File("legacy/manager.py", classes: [Manager("SessionManager", 4, "legacy", ["revoke", "start"], ["Base"])]),
            File("app/use.py", imports: [From("core.manager", "SessionManager")]),
        };

        // When a plan is suggested
        var plan = RemediationPlanner.Suggest(files, Settings);

        // Then there is no step, and the review item says how they differ
        Assert.Empty(plan.Steps);
        var review = Assert.Single(plan.Reviews);
        Assert.Contains("legacy.manager.SessionManager is not interchangeable with core.manager.SessionManager", review, StringComparison.Ordinal);
        Assert.Contains("bases (Base) vs ()", review, StringComparison.Ordinal);
        Assert.Contains("methods only in the legacy class: revoke", review, StringComparison.Ordinal);
    }

    [Fact]
    public void A_class_named_with_canonical_wins_over_the_score()
    {
        // Given equal copies where the score prefers the first
        var files = new[]
        {
            File("pkg/executor.py", classes: [Manager("Executor", 3, "same", ["run"])]),
            File("pkg/deep/executor.py", classes: [Manager("Executor", 3, "same", ["run"])]),
        };

        // When the deeper one is named canonical
        var plan = RemediationPlanner.Suggest(files, Settings with { Canonical = ["pkg.deep.executor.Executor"] });

        // Then it is the dedupe target
        Assert.Equal("pkg.deep.executor.Executor", plan.Steps.Single().Arguments.Single().Value);
        Assert.Contains("named canonical +1000", plan.Steps.Single().Comments[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Steps_come_in_order_redirects_shims_dedupes_mocks_environment_then_singletons()
    {
        // Given one violation of every kind
        var files = new[]
        {
            File("core/manager.py", classes: [Manager("SessionManager", 4, "core", ["start"])]),
            File("legacy/manager.py", classes: [Manager("SessionManager", 4, "legacy", ["start"])]),
            File("app/use.py", imports: [From("core.manager", "SessionManager")], env: [Env(3), Env(4, "environ-subscript-read", rewritable: false)]),
            File("a/executor.py", classes: [Manager("Executor", 3, "same", ["run"])]),
            File("b/executor.py", classes: [Manager("Executor", 3, "same", ["run"])]),
            File("fixtures/mocks.py", classes: [Manager("MockClient", 3, "m0", ["send"])], isTest: false),
            File("tests/test_a.py", classes: [Manager("MockClient", 3, "m1", ["send"])]),
            File("tests/test_b.py", classes: [Manager("MockClient", 3, "m2", ["send"])], env: [Env(9, "patch-dict-environ", rewritable: false)]),
            File("app/registry.py", singletons: [new SingletonFact(7, "registry", "module-instance", "AgentRegistry")]),
        };

        // When a plan is suggested
        var plan = RemediationPlanner.Suggest(files, Settings);

        // Then the steps follow the documented order, and the singleton waits for its factory
        Assert.Equal(
            ["redirect-imports", "add-deprecation-shim", "dedupe-class", "consolidate-mocks", "env-to-isolated", "env-in-tests", "singleton-to-factory"],
            plan.Steps.Select(s => s.Codemod));
        Assert.True(plan.Steps[^1].Disabled);
        Assert.Equal([new("env-access", 1)], plan.Steps[4].Reduction);
        Assert.Equal(["app"], plan.Steps[4].Paths);
        Assert.Equal(["tests"], plan.Steps[5].Paths);
    }

    [Fact]
    public void A_test_double_with_members_the_shared_one_lacks_stays_for_review()
    {
        // Given a shared mock and two local copies, one with an extra method
        var files = new[]
        {
            File("fixtures/mocks.py", classes: [Manager("MockClient", 3, "m0", ["send"])], isTest: false),
            File("tests/test_a.py", classes: [Manager("MockClient", 3, "m1", ["send"])]),
            File("tests/test_b.py", classes: [Manager("MockClient", 3, "m2", ["reset", "send"])]),
        };

        // When a plan is suggested
        var plan = RemediationPlanner.Suggest(files, Settings);

        // Then only the subset copy is consolidated and the other is a review item naming the extra member
        var step = Assert.Single(plan.Steps);
        Assert.Equal(["tests/test_a.py"], step.Paths);
        Assert.Contains("tests/test_b.py:3: test double MockClient has what fixtures.mocks.MockClient lacks (reset)", plan.Reviews.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_singleton_step_is_enabled_once_its_factory_is_named()
    {
        // Given an accessor method found by the scan
        var files = new[] { File("app/registry.py", singletons: [new SingletonFact(7, "get_instance", "get-instance", "AgentRegistry")]) };

        // When its factory is named
        var plan = RemediationPlanner.Suggest(files, Settings with { Factories = new Dictionary<string, string> { ["app.registry.AgentRegistry.get_instance"] = "app.factory.RegistryFactory.create" } });

        // Then the step is written enabled with that factory
        var step = Assert.Single(plan.Steps);
        Assert.False(step.Disabled);
        Assert.Equal([new("singleton", "app.registry.AgentRegistry.get_instance"), new("factory", "app.factory.RegistryFactory.create")], step.Arguments);
    }

    [Fact]
    public void Expired_mode_plans_only_the_shims_past_their_sunset()
    {
        // Given one shim past its sunset and one still valid
        var files = new[]
        {
            File("legacy/a.py", shims: [new ShimFact(3, "Old", "core.a.New", "2026-01-31")]),
            File("legacy/b.py", shims: [new ShimFact(3, "Other", "core.b.Other", "2027-01-31")]),
        };

        // When the expired steps are asked for
        var plan = RemediationPlanner.Suggest(files, Settings with { Expired = true });

        // Then the expired alias's last callers are redirected, then the alias is deleted in its own module only
        Assert.Equal(["redirect-imports", "remove-expired-shim"], plan.Steps.Select(s => s.Codemod));
        Assert.Equal([new("from", "legacy.a.Old"), new("to", "core.a.New")], plan.Steps[0].Arguments);
        Assert.Equal([new("today", "2026-11-26")], plan.Steps[1].Arguments);
        Assert.Equal(["legacy/a.py"], plan.Steps[1].Paths);
        Assert.Equal([new("expired-shim", 1)], plan.Steps[1].Reduction);
        Assert.Empty(plan.Reviews);
    }

    [Fact]
    public void Expired_accessor_wrapper_gets_its_last_call_sites_moved_to_the_factory_before_its_removal()
    {
        // Given a deprecated accessor wrapper (singleton-to-factory shim=true) past its sunset
        var files = new[]
        {
            File("app/registry.py", shims: [new ShimFact(4, "get_registry", "app.factory.RegistryFactory.create", "2026-01-31", "wrapper")]),
        };

        // When the expired steps are asked for
        var plan = RemediationPlanner.Suggest(files, Settings with { Expired = true });

        // Then its call sites move to the factory first, then the wrapper is deleted
        Assert.Equal(["singleton-to-factory", "remove-expired-shim"], plan.Steps.Select(s => s.Codemod));
        Assert.Equal([new("singleton", "app.registry.get_registry"), new("factory", "app.factory.RegistryFactory.create")], plan.Steps[0].Arguments);
        Assert.Equal(1, plan.FindingsBefore - plan.FindingsAfter);
    }

    [Fact]
    public void The_same_facts_in_any_order_give_the_same_yaml()
    {
        // Given facts listed in two orders
        var files = new[]
        {
            File("pkg/a/executor.py", classes: [Manager("Executor", 3, "same", ["run"])]),
            File("pkg/b/executor.py", classes: [Manager("Executor", 5, "same", ["run"])]),
            File("pkg/use.py", env: [Env(2), Env(3)]),
        };

        // When both are written
        var one = PlanYamlWriter.Write(RemediationPlanner.Suggest(files, Settings));
        var two = PlanYamlWriter.Write(RemediationPlanner.Suggest([.. files.Reverse()], Settings));

        // Then the bytes are equal
        Assert.Equal(one, two);
    }

    [Fact]
    public void The_written_plan_reads_back_as_the_same_steps_with_disabled_ones_left_out()
    {
        // Given a plan with enabled steps, a date argument, paths and a commented-out singleton
        var files = new[]
        {
            File("core/manager.py", classes: [Manager("SessionManager", 4, "core", ["start"])]),
            File("legacy/manager.py", classes: [Manager("SessionManager", 4, "legacy", ["start"])]),
            File("app/use.py", imports: [From("core.manager", "SessionManager")], env: [Env(3)]),
            File("app/registry.py", singletons: [new SingletonFact(7, "registry", "module-instance", "AgentRegistry")]),
        };
        var suggestion = RemediationPlanner.Suggest(files, Settings);

        // When its YAML is read by the plan reader
        var plan = PlanReader.Parse(PlanYamlWriter.Write(suggestion), "suggested.yaml");

        // Then the enabled steps come back with their arguments, and the sunset stays a string
        Assert.Equal(["redirect-imports", "add-deprecation-shim", "env-to-isolated"], plan.Steps.Select(s => s.Codemod));
        Assert.Equal(["2027-02-24"], plan.Steps[1].Arguments["sunset"]);
        Assert.Equal(["app"], plan.Steps[2].Paths);
        Assert.Equal(PlanYamlWriter.VerifyCommand, plan.Verify);
    }

    [Theory]
    [InlineData("pkg.module.Class", "pkg.module.Class")]
    [InlineData("2027-06-30", "\"2027-06-30\"")]
    [InlineData("yes", "\"yes\"")]
    [InlineData("**/tests/**", "\"**/tests/**\"")]
    [InlineData("The path keeps working: until 2027.", "\"The path keeps working: until 2027.\"")]
    public void Scalars_are_plain_only_when_yaml_reads_them_back_as_the_same_string(string value, string written)
    {
        Assert.Equal(written, PlanYamlWriter.Scalar(value));
    }
}
