using System.Collections.Concurrent;
using System.Reflection;

namespace Codemod.Core.Scan;

/// <summary>One kind of per-file fact: the name of its list in the worker's response and the record type of its items.</summary>
public sealed record ScanFactKind(string Name, Type RecordType)
{
    private static readonly ConcurrentDictionary<Type, ScanFactKind> Known = new();

    /// <summary>The kind of <paramref name="recordType"/>, from its <see cref="ScanFactAttribute"/>.</summary>
    public static ScanFactKind For(Type recordType) => Known.GetOrAdd(recordType, type =>
        new ScanFactKind(
            type.GetCustomAttribute<ScanFactAttribute>()?.Kind
                ?? throw new ArgumentException($"{type.Name} is not a scan fact: mark it [ScanFact(\"kind\")]", nameof(recordType)),
            type));

    public static ScanFactKind Of<T>() => For(typeof(T));
}
