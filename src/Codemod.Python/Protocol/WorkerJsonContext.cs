using System.Text.Json;
using System.Text.Json.Serialization;

namespace Codemod.Python.Protocol;

/// <summary>The one serialiser of the worker protocol: camelCase names, nulls left out, byte arrays as base64.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(HelloRequest))]
[JsonSerializable(typeof(ListRequest))]
[JsonSerializable(typeof(ShutdownRequest))]
[JsonSerializable(typeof(SessionRequest))]
[JsonSerializable(typeof(PrefilterRequest))]
[JsonSerializable(typeof(CheckRequest))]
[JsonSerializable(typeof(TransformFileRequest))]
[JsonSerializable(typeof(ScanFileRequest))]
[JsonSerializable(typeof(WorkerResponse))]
[JsonSerializable(typeof(HelloResponse))]
[JsonSerializable(typeof(ListResponse))]
[JsonSerializable(typeof(CheckResponse))]
[JsonSerializable(typeof(PrefilterResponse))]
[JsonSerializable(typeof(ShutdownResponse))]
[JsonSerializable(typeof(TransformResponse))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class WorkerJsonContext : JsonSerializerContext;
