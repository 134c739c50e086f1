namespace Codemod.Core.Scan;

/// <summary>A singleton pattern: <c>module-instance</c> (<c>registry = Registry()</c>), <c>get-instance</c> or <c>instance-attribute</c> (<c>_instance</c>).</summary>
[ScanFact("singletons")]
public sealed record SingletonFact(int Line, string Name, string Kind, string Class);
