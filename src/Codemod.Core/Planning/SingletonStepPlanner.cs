using Codemod.Core.Scan;

namespace Codemod.Core.Planning;

/// <summary>
/// Singletons: a <c>singleton-to-factory</c> step per accessor or module-level instance the scan found, written commented
/// out until a factory is named (<c>--factory SINGLETON=FACTORY</c>). The definition itself stays (its removal follows
/// the shim's sunset), so these steps lower no finding. <c>_instance</c> caches are the accessor's own and get no step.
/// </summary>
internal static class SingletonStepPlanner
{
    public static List<StepDraft> Plan(IReadOnlyList<FileScan> files, PlannerSettings settings)
    {
        var steps = new List<StepDraft>();
        foreach (var file in files.Where(f => f.Facts is { Allowed: false }))
        {
            var facts = file.Facts!;
            foreach (var singleton in facts.Singletons.OrderBy(s => s.Line))
            {
                var dotted = singleton.Kind switch
                {
                    "module-instance" or "get-function" => $"{facts.Module}.{singleton.Name}",
                    "get-instance" => $"{facts.Module}.{singleton.Class}.{singleton.Name}",
                    _ => null,
                };
                if (dotted is null)
                {
                    continue;
                }

                var named = settings.FactoryMap.TryGetValue(dotted, out var factory);
                var owner = singleton.Class.Contains('.') ? singleton.Class[(singleton.Class.LastIndexOf('.') + 1)..] : singleton.Class;
                var step = new SuggestedStep
                {
                    Codemod = "singleton-to-factory",
                    Arguments = [new("singleton", dotted), new("factory", named ? factory! : $"{facts.Package}.{ToSnake(owner)}_factory.{owner}Factory.create")],
                    Disabled = !named,
                    Comments = named
                        ? [$"{file.Path}:{singleton.Line}: {singleton.Kind} {dotted}: call sites with a request context in scope use the factory"]
                        : [$"{file.Path}:{singleton.Line}: {singleton.Kind} {dotted}: commented out until a factory exists",
                           $"  (name it with --factory {dotted}=pkg.module.Factory.create, or edit the factory below and uncomment)"],
                };
                steps.Add(new StepDraft(step, StepDraft.Nothing));
            }
        }

        return steps;
    }

    private static string ToSnake(string name)
    {
        var builder = new System.Text.StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0 && !char.IsUpper(name[i - 1]))
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }
}
