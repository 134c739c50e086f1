using Codemod.Core.Scan;

namespace Codemod.Core.Planning;

/// <summary>A module-level class definition that could be the canonical one of its group, with the file that holds it.</summary>
internal sealed record ClassCandidate(string Path, FileFacts File, ClassFact Class)
{
    public string Module => File.Module;

    public string QualifiedName => Module.Length > 0 ? $"{Module}.{Class.Name}" : Class.Name;

    public IEnumerable<string> Members => Class.Methods.Concat(Class.Attributes);
}
