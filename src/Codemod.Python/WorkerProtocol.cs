using System.Text.Json;
using Codemod.Core.Changes;
using Codemod.Core.Transform;

namespace Codemod.Python;

/// <summary>Requests and responses of the JSON-lines worker protocol (see README, "Worker protocol").</summary>
internal static class WorkerProtocol
{
    public const int Version = 1;

    public static byte[] Hello(long id) => Write(id, "hello", w => w.WriteNumber("protocol", Version));

    public static byte[] List(long id, bool withLibcst = false) => Write(id, "list", w =>
    {
        if (withLibcst)
        {
            w.WriteBoolean("all", true);
        }
    });

    public static byte[] Shutdown(long id) => Write(id, "shutdown", _ => { });

    public static byte[] Prefilter(long id, string codemod, IReadOnlyDictionary<string, IReadOnlyList<string>> arguments) =>
        Write(id, "prefilter", w =>
        {
            w.WriteString("codemod", codemod);
            WriteArguments(w, arguments);
        });

    /// <summary>Describes one codemod (a dotted class path too); with <paramref name="arguments"/>, also builds it with them.</summary>
    public static byte[] Check(long id, string codemod, IReadOnlyDictionary<string, IReadOnlyList<string>>? arguments, IReadOnlyList<string>? formatter = null) =>
        Write(id, "check", w =>
        {
            w.WriteString("codemod", codemod);
            if (arguments is not null)
            {
                WriteArguments(w, arguments);
            }

            WriteFormatter(w, formatter);
        });

    public static byte[] Transform(long id, TransformRequest request) => Write(id, "transform", w =>
    {
        w.WriteString("path", request.File.RelativePath);
        w.WriteString("codemod", request.Codemod);
        WriteArguments(w, request.Arguments);
        w.WriteStartObject("context");
        foreach (var (module, bytes) in request.ContextModules)
        {
            w.WriteBase64String(module, bytes);
        }

        w.WriteEndObject();
        WriteFormatter(w, request.Formatter);
        w.WriteBase64String("source", request.File.Bytes);
    });

    private static void WriteFormatter(Utf8JsonWriter w, IReadOnlyList<string>? formatter)
    {
        if (formatter is { Count: > 0 })
        {
            w.WriteStartArray("formatter");
            foreach (var word in formatter)
            {
                w.WriteStringValue(word);
            }

            w.WriteEndArray();
        }
    }

    public static byte[] Scan(long id, string path, byte[] source, IReadOnlyDictionary<string, IReadOnlyList<string>> arguments) =>
        Write(id, "scan", w =>
        {
            w.WriteString("path", path);
            WriteArguments(w, arguments);
            w.WriteBase64String("source", source);
        });

    public static IReadOnlyList<CodemodInfo> ParseList(JsonElement response) =>
        [.. response.GetProperty("codemods").EnumerateArray().Select(ParseCodemod)];

    public static CodemodInfo ParseCodemod(JsonElement c) => new(
            Name: c.GetProperty("name").GetString()!,
            Description: c.GetProperty("description").GetString() ?? string.Empty,
            Version: c.GetProperty("version").GetString() ?? "0",
            Prefilter: Strings(c, "prefilter"),
            Parameters: [.. c.GetProperty("parameters").EnumerateArray().Select(p => new CodemodParameter(
                p.GetProperty("name").GetString()!,
                OptionalString(p, "help") ?? string.Empty,
                p.TryGetProperty("default", out var d) && d.ValueKind != JsonValueKind.Null ? (d.ValueKind == JsonValueKind.String ? d.GetString() : d.GetRawText()) : null,
                p.TryGetProperty("required", out var r) && r.GetBoolean(),
                p.TryGetProperty("multiple", out var m) && m.GetBoolean()))],
            Breaking: c.TryGetProperty("breaking", out var b) && b.GetBoolean(),
            ContextArgs: Strings(c, "contextArgs"),
            PrefilterFromArgs: c.TryGetProperty("prefilterFromArgs", out var pf) && pf.GetBoolean())
    {
        RequiredModules = c.TryGetProperty("requiredModules", out var required) && required.ValueKind == JsonValueKind.Array
            ? [.. required.EnumerateArray().Select(r => new RequiredModule(OptionalString(r, "parameter") ?? string.Empty, OptionalString(r, "nameParameter")))]
            : [],
    };

    public static FileOutcome ParseTransform(JsonElement response, TransformRequest request)
    {
        var path = request.File.RelativePath;
        if (!response.GetProperty("ok").GetBoolean())
        {
            return FileOutcome.Fail(path, "worker refused the request: " + OptionalString(response, "error"));
        }

        var outcome = response.GetProperty("outcome").GetString();
        var basic = new FileOutcome
        {
            Path = path,
            Kind = outcome switch
            {
                "changed" => OutcomeKind.Changed,
                "unchanged" => OutcomeKind.Unchanged,
                "skipped" => OutcomeKind.Skipped,
                _ => OutcomeKind.Failed,
            },
            Reason = OptionalString(response, "reason"),
            Line = response.TryGetProperty("line", out var line) && line.ValueKind == JsonValueKind.Number ? line.GetInt32() : null,
            OriginalHash = request.File.Hash,
            // A codemod that ran out of memory may well succeed on a quieter machine: that answer is not kept.
            Reproducible = !(OptionalString(response, "reason") ?? string.Empty).Contains("MemoryError", StringComparison.Ordinal),
            Changes = Records(response, "changes"),
            Reviews = Records(response, "reviews"),
            Breaking = response.TryGetProperty("breaking", out var breaking) && breaking.ValueKind == JsonValueKind.Array
                ? [.. breaking.EnumerateArray().Select(e => new BreakingRecord(OptionalString(e, "what") ?? string.Empty, OptionalString(e, "migrate") ?? string.Empty))]
                : [],
        };
        if (basic.Kind != OutcomeKind.Changed)
        {
            return basic;
        }

        var newBytes = response.GetProperty("source").GetBytesFromBase64();
        return newBytes.AsSpan().SequenceEqual(request.File.Bytes)
            ? basic with { Kind = OutcomeKind.Unchanged }
            : basic with { OriginalBytes = request.File.Bytes, NewBytes = newBytes };
    }

    private static IReadOnlyList<ChangeRecord> Records(JsonElement response, string name) =>
        response.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? [.. list.EnumerateArray().Select(r => new ChangeRecord(
                r.TryGetProperty("line", out var l) ? l.GetInt32() : 0,
                r.TryGetProperty("column", out var c) ? c.GetInt32() : 0,
                OptionalString(r, "kind") ?? string.Empty,
                OptionalString(r, "message") ?? string.Empty) { RequiresChangedModule = OptionalString(r, "requiresChangedModule") })]
            : [];

    public static IReadOnlyList<string> Strings(JsonElement element, string name) =>
        element.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? [.. list.EnumerateArray().Select(e => e.GetString() ?? string.Empty)]
            : [];

    public static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static void WriteArguments(Utf8JsonWriter w, IReadOnlyDictionary<string, IReadOnlyList<string>> arguments)
    {
        w.WriteStartObject("args");
        foreach (var (name, values) in arguments.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            if (values.Count == 1)
            {
                w.WriteString(name, values[0]);
            }
            else
            {
                w.WriteStartArray(name);
                foreach (var value in values)
                {
                    w.WriteStringValue(value);
                }

                w.WriteEndArray();
            }
        }

        w.WriteEndObject();
    }

    private static byte[] Write(long id, string method, Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("id", id);
            w.WriteString("method", method);
            body(w);
            w.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }
}
