using Codemod.Cli;
using Codemod.Cli.Plans;
using Codemod.Core.Settings;

namespace Codemod.Tests.Plans;

public sealed class PlanReaderTests
{
    [Fact]
    public void A_full_plan_reads_into_steps_with_arguments_paths_notes_verify_and_lines()
    {
        // Given a plan using every key
        const string yaml = """
            name: consolidation
            verify: python3 -m compileall -q .
            steps:
              - codemod: env-to-isolated
                paths: [./netra_backend/, auth_service]
                note: Reads go through get_env().
              - codemod: redirect-imports
                args:
                  from: a.b.C
                  to: x.y.C
                  extra-names: [one, two]
                include: "**/*.py"
                exclude: [tests/**]
                verify: ""
            """;

        // When it is read
        var plan = PlanReader.Parse(yaml, "plan.yaml");

        // Then every value lands where it belongs
        Assert.Equal("consolidation", plan.Name);
        Assert.Equal(2, plan.Steps.Count);
        var first = plan.Steps[0];
        Assert.Equal((1, 4L, "env-to-isolated"), (first.Number, first.Line, first.Codemod));
        Assert.Equal(["netra_backend", "auth_service"], first.Paths);
        Assert.Equal("Reads go through get_env().", first.Note);
        Assert.Equal("python3 -m compileall -q .", plan.VerifyFor(first));
        var second = plan.Steps[1];
        Assert.Equal(["a.b.C"], second.Arguments["from"]);
        Assert.Equal(["one", "two"], second.Arguments["extra_names"]);
        Assert.Equal(["**/*.py"], second.Include);
        Assert.Equal(["tests/**"], second.Exclude);
        Assert.Null(plan.VerifyFor(second));
    }

    [Fact]
    public void The_bundled_example_plan_reads()
    {
        // Given the example plan documented in the README
        var path = Path.Combine(RepositoryRoot(), "fixtures", "plans", "sample-consolidation.yaml");

        // When it is read
        var plan = PlanReader.Read(path, "sample-consolidation.yaml");

        // Then its ten steps use the codemods the sample needs, in the documented order
        Assert.Equal(
            ["redirect-imports", "redirect-imports", "redirect-imports", "add-deprecation-shim", "add-deprecation-shim", "add-deprecation-shim",
             "dedupe-class", "env-in-tests", "consolidate-mocks", "env-to-isolated"],
            plan.Steps.Select(s => s.Codemod));
        Assert.Equal(["2027-06-30"], plan.Steps[3].Arguments["sunset"]);
    }

    [Theory]
    [InlineData("steps:\n  - codemod: a\n    colour: red\n", "plan.yaml:3: unknown key 'colour' in step 1 (allowed: codemod, args, paths, include, exclude, note, verify, formatter)")]
    [InlineData("name: x\nstep:\n  - codemod: a\n", "plan.yaml:2: unknown key 'step' in plan (allowed: name, verify, steps)")]
    [InlineData("name: x\n", "plan.yaml:1: the plan has no 'steps' list")]
    [InlineData("steps: []\n", "plan.yaml:1: 'steps' must be a non-empty list")]
    [InlineData("steps:\n  - codemod: a\n  - paths: [x]\n", "plan.yaml:3: step 2 has no 'codemod'")]
    [InlineData("steps:\n  - codemod: a\n    args: [x]\n", "plan.yaml:3: step 1: 'args' must be a mapping")]
    [InlineData("steps:\n  - codemod: a\n    args:\n      x: {y: 1}\n", "plan.yaml:4: step 1: argument 'x' must be a value or a list")]
    [InlineData("steps:\n  - codemod: [a, b]\n", "plan.yaml:2: 'codemod' must be a single value")]
    [InlineData("steps:\n  - just a string\n", "plan.yaml:2: step 1 must be a mapping")]
    [InlineData("- codemod: a\n", "plan.yaml:1: a plan is a mapping with a 'steps' list")]
    [InlineData("", "plan.yaml:1: a plan is a mapping")]
    [InlineData("steps:\n  - codemod: a\n    note: \"unterminated\n", "plan.yaml:3: invalid YAML")]
    [InlineData("steps:\n  - codemod: a\n    codemod: b\n", "plan.yaml:3: invalid YAML: a key appears twice")]
    public void Mistakes_are_one_line_errors_naming_the_file_and_line(string yaml, string expected)
    {
        var error = Assert.Throws<UserError>(() => PlanReader.Parse(yaml, "plan.yaml"));
        Assert.StartsWith(expected, error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(ExitCodes.UsageError, ExitCodes.For(error));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Codemod.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Codemod.sln not found");
    }
}
