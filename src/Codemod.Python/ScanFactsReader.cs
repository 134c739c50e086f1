using System.Text.Json;
using Codemod.Core.Scan;

namespace Codemod.Python;

/// <summary>Reads the worker's <c>scan</c> response (shape documented in <c>codemods/_scan.py</c>) into typed facts.</summary>
internal static class ScanFactsReader
{
    public static FileScan Read(string path, JsonElement response)
    {
        if (!response.GetProperty("ok").GetBoolean())
        {
            return FileScan.Failed(path, "worker refused the request: " + WorkerProtocol.OptionalString(response, "error"));
        }

        if (WorkerProtocol.OptionalString(response, "outcome") != "scanned")
        {
            var reason = WorkerProtocol.OptionalString(response, "reason") ?? "scan failed";
            return FileScan.Failed(path, reason, OptionalInt(response, "line")) with { Reproducible = !reason.Contains("MemoryError", StringComparison.Ordinal) };
        }

        return FileScan.Scanned(path, new FileFacts
        {
            Module = WorkerProtocol.OptionalString(response, "module") ?? string.Empty,
            Package = WorkerProtocol.OptionalString(response, "package") ?? string.Empty,
            IsTest = Bool(response, "isTest"),
            Allowed = Bool(response, "allowed"),
            EnvAccesses = List(response, "envAccesses", e => new EnvAccessFact(
                Int(e, "line"), Int(e, "column"), WorkerProtocol.OptionalString(e, "form") ?? "environ", Bool(e, "rewritable"), WorkerProtocol.OptionalString(e, "detail"))),
            Classes = List(response, "classes", c => new ClassFact
            {
                Name = WorkerProtocol.OptionalString(c, "name") ?? "?",
                Line = Int(c, "line"),
                Bases = WorkerProtocol.Strings(c, "bases"),
                Fingerprint = WorkerProtocol.OptionalString(c, "fingerprint"),
                Methods = WorkerProtocol.Strings(c, "methods"),
                Attributes = WorkerProtocol.Strings(c, "attributes"),
                Decorators = WorkerProtocol.Strings(c, "decorators"),
                Nested = Bool(c, "nested"),
            }),
            Imports = List(response, "imports", i => new ImportFact(
                WorkerProtocol.OptionalString(i, "kind") == "from" ? ImportKind.From : ImportKind.Import,
                WorkerProtocol.OptionalString(i, "module") ?? string.Empty,
                WorkerProtocol.OptionalString(i, "name"),
                WorkerProtocol.OptionalString(i, "asname"),
                Int(i, "line"),
                Bool(i, "toplevel"),
                Bool(i, "unresolved"))),
            Singletons = List(response, "singletons", s => new SingletonFact(
                Int(s, "line"), WorkerProtocol.OptionalString(s, "name") ?? "?", WorkerProtocol.OptionalString(s, "kind") ?? "?", WorkerProtocol.OptionalString(s, "class") ?? "?")),
            Shims = List(response, "shims", s => new ShimFact(
                Int(s, "line"), WorkerProtocol.OptionalString(s, "name") ?? "?", WorkerProtocol.OptionalString(s, "canonical") ?? "?", WorkerProtocol.OptionalString(s, "sunset"))),
            AllNames = response.TryGetProperty("allAll", out var all) && all.ValueKind == JsonValueKind.Array ? WorkerProtocol.Strings(response, "allAll") : null,
        }) with { Reproducible = true };
    }

    private static IReadOnlyList<T> List<T>(JsonElement element, string name, Func<JsonElement, T> read) =>
        element.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array ? [.. list.EnumerateArray().Select(read)] : [];

    private static bool Bool(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    private static int Int(JsonElement element, string name) => OptionalInt(element, name) ?? 0;

    private static int? OptionalInt(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;
}
