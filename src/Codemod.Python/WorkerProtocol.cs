using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Codemod.Core.Changes;
using Codemod.Core.Settings;
using Codemod.Core.Transform;
using Codemod.Python.Protocol;

namespace Codemod.Python;

/// <summary>
/// The JSON-lines worker protocol (see README, "Worker protocol"): typed requests and responses
/// (<see cref="Protocol"/>) written and read by <see cref="WorkerJsonContext"/>, and their translation to the engine's model.
/// </summary>
internal static class WorkerProtocol
{
    public const int Version = 1;

    private static WorkerJsonContext Json => WorkerJsonContext.Default;

    public static byte[] Hello(long id) => Line(new HelloRequest(id, Version), Json.HelloRequest);

    public static byte[] List(long id, bool withLibcst = false) => Line(new ListRequest(id, withLibcst ? true : null), Json.ListRequest);

    public static byte[] Shutdown(long id) => Line(new ShutdownRequest(id), Json.ShutdownRequest);

    public static byte[] Session(long id, string cwd, IReadOnlyList<string> codemods) =>
        Line(new SessionRequest(id, cwd, codemods), Json.SessionRequest);

    public static byte[] Prefilter(long id, string codemod, IReadOnlyDictionary<string, IReadOnlyList<string>> arguments) =>
        Line(new PrefilterRequest(id, codemod, Arguments(arguments)), Json.PrefilterRequest);

    /// <summary>Describes one codemod (a dotted class path too); with <paramref name="arguments"/>, also builds it with them.</summary>
    public static byte[] Check(long id, string codemod, IReadOnlyDictionary<string, IReadOnlyList<string>>? arguments, IReadOnlyList<string>? formatter = null) =>
        Line(new CheckRequest(id, codemod, arguments is null ? null : Arguments(arguments), formatter is { Count: > 0 } ? formatter : null), Json.CheckRequest);

    public static byte[] Transform(long id, TransformRequest request) => Line(
        new TransformFileRequest(
            id,
            request.File.RelativePath,
            request.Codemod,
            Arguments(request.Arguments),
            request.ContextModules.ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal),
            request.Formatter is { Count: > 0 } ? request.Formatter : null,
            request.ExcludedLines.Count > 0 ? [.. request.ExcludedLines.Order()] : null,
            request.File.Bytes),
        Json.TransformFileRequest);

    public static byte[] Scan(long id, string path, byte[] source, IReadOnlyDictionary<string, IReadOnlyList<string>> arguments) =>
        Line(new ScanFileRequest(id, path, Arguments(arguments), source), Json.ScanFileRequest);

    /// <summary>A response line read as <typeparamref name="T"/>; a line that is not one is an internal error of the worker.</summary>
    public static T Read<T>(string line, JsonTypeInfo<T> type)
        where T : WorkerResponse
    {
        try
        {
            return JsonSerializer.Deserialize(line, type) ?? throw new JsonException("null response");
        }
        catch (JsonException e)
        {
            throw new EnvironmentMissing($"the Python worker answered something that is not a {typeof(T).Name}: {e.Message}");
        }
    }

    public static IReadOnlyList<CodemodInfo> ToCodemods(ListResponse response) => [.. response.Codemods.Select(ToCodemod)];

    public static CodemodInfo ToCodemod(CodemodDescription c) => new(
            Name: c.Name,
            Description: c.Description ?? string.Empty,
            Version: c.Version ?? "0",
            Prefilter: c.Prefilter,
            Parameters: [.. c.Parameters.Select(p => new CodemodParameter(
                p.Name,
                p.Help ?? string.Empty,
                p.Default is { ValueKind: not JsonValueKind.Null } d ? (d.ValueKind == JsonValueKind.String ? d.GetString() : d.GetRawText()) : null,
                p.Required,
                p.Multiple))],
            Breaking: c.Breaking,
            ContextArgs: c.ContextArgs,
            PrefilterFromArgs: c.PrefilterFromArgs)
    {
        RequiredModules = [.. c.RequiredModules.Select(r => new RequiredModule(r.Parameter ?? string.Empty, r.NameParameter))],
    };

    public static FileOutcome ToOutcome(TransformResponse response, TransformRequest request)
    {
        var path = request.File.RelativePath;
        if (!response.Ok)
        {
            return FileOutcome.Fail(path, "worker refused the request: " + response.Error);
        }

        var basic = new FileOutcome
        {
            Path = path,
            Kind = response.Outcome switch
            {
                "changed" => OutcomeKind.Changed,
                "unchanged" => OutcomeKind.Unchanged,
                "skipped" => OutcomeKind.Skipped,
                _ => OutcomeKind.Failed,
            },
            Reason = response.Reason,
            Line = response.Line,
            OriginalHash = request.File.Hash,
            // A codemod that ran out of memory may well succeed on a quieter machine: that answer is not kept.
            Reproducible = response.ErrorType != "MemoryError",
            Changes = Records(response.Changes),
            Reviews = Records(response.Reviews),
            Breaking = [.. (response.Breaking ?? []).Select(e => new BreakingRecord(e.What ?? string.Empty, e.Migrate ?? string.Empty))],
            Suppressed = [.. (response.Suppressed ?? []).Select(s => new SuppressedRecord(s.Line, s.Column, s.Kind ?? string.Empty, s.Message ?? string.Empty, s.Reason ?? SuppressedRecord.Comment))],
        };
        if (basic.Kind != OutcomeKind.Changed)
        {
            return basic;
        }

        var newBytes = response.Source ?? [];
        return newBytes.AsSpan().SequenceEqual(request.File.Bytes)
            ? basic with { Kind = OutcomeKind.Unchanged }
            : basic with { OriginalBytes = request.File.Bytes, NewBytes = newBytes };
    }

    private static IReadOnlyList<ChangeRecord> Records(IReadOnlyList<ChangeDescription>? records) =>
        [.. (records ?? []).Select(r => new ChangeRecord(r.Line, r.Column, r.Kind ?? string.Empty, r.Message ?? string.Empty) { RequiresChangedModule = r.RequiresChangedModule })];

    public static IReadOnlyList<string> Strings(JsonElement element, string name) =>
        element.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? [.. list.EnumerateArray().Select(e => e.GetString() ?? string.Empty)]
            : [];

    public static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>Codemod parameters as the worker reads them: one value as a string, several as a list; sorted by name.</summary>
    private static JsonObject Arguments(IReadOnlyDictionary<string, IReadOnlyList<string>> arguments)
    {
        var args = new JsonObject();
        foreach (var (name, values) in arguments.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            args[name] = values.Count == 1 ? JsonValue.Create(values[0]) : new JsonArray([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);
        }

        return args;
    }

    private static byte[] Line<T>(T request, JsonTypeInfo<T> type)
    {
        using var buffer = new MemoryStream();
        JsonSerializer.Serialize(buffer, request, type);
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }
}
