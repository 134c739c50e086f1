namespace Codemod.Core.Scan.Checks;

/// <summary>
/// singleton: module-level instances of manager-like classes, <c>get_instance</c>-style accessors, <c>_instance</c>
/// attributes, module-level <c>get_*()</c> accessors. Allowed bootstrap files are left out: their accessor (<c>get_env()</c>) is the sanctioned single source.
/// </summary>
internal sealed class SingletonCheck : IScanCheck
{
    public static ScanRule Definition { get; } = new(
        "singleton",
        "Singleton instance or accessor",
        "A module-level instance of a manager-like class, a get_instance/instance class method, or an _instance class " +
        "attribute: hidden global state that makes a second source of truth easy to create.",
        FindingLevel.Note)
    {
        Codemods = ["singleton-to-factory"],
    };

    public ScanRule Rule => Definition;

    public int Order => 60;

    public IEnumerable<Finding> Find(ScanInput input) =>
        from file in input.Files
        where !file.Facts.Allowed
        from singleton in file.Facts.Singletons
        select new Finding(Rule.Id, file.Path, singleton.Line, Message(singleton))
        {
            InTest = file.Facts.IsTest,
            Key = $"{singleton.Kind}:{singleton.Class}.{singleton.Name}",
            Properties = Describe.Properties(("kind", singleton.Kind), ("name", singleton.Name), ("class", singleton.Class)),
        };

    private static string Message(SingletonFact singleton) => singleton.Kind switch
    {
        "module-instance" => $"module-level singleton {singleton.Name} = {singleton.Class}(...)",
        "get-instance" => $"singleton accessor {singleton.Class}.{singleton.Name}()",
        "instance-attribute" => $"singleton cache {singleton.Class}.{singleton.Name}",
        "get-function" => $"singleton accessor {singleton.Name}() handing out one {singleton.Class}",
        _ => $"singleton pattern {singleton.Kind}: {singleton.Class}.{singleton.Name}",
    };
}
