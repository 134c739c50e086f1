using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Codemod.Python.Protocol;

/// <summary>What every request carries: its id (echoed in the response) and its method; one record per method below.</summary>
internal abstract record WorkerRequest(long Id)
{
    [JsonPropertyOrder(-1)]
    public abstract string Method { get; }
}

internal sealed record HelloRequest(long Id, int Protocol) : WorkerRequest(Id)
{
    public override string Method => "hello";
}

internal sealed record ListRequest(long Id, bool? All) : WorkerRequest(Id)
{
    public override string Method => "list";
}

internal sealed record ShutdownRequest(long Id) : WorkerRequest(Id)
{
    public override string Method => "shutdown";
}

/// <summary>
/// A warm worker taken over by another command (see <see cref="WorkerPools"/>): it forgets what the last one loaded and
/// answers from then on as a worker started with <c>--cwd</c> <see cref="Cwd"/> and <c>--codemods</c> <see cref="Codemods"/>.
/// </summary>
internal sealed record SessionRequest(long Id, string Cwd, IReadOnlyList<string> Codemods) : WorkerRequest(Id)
{
    public override string Method => "session";
}

internal sealed record PrefilterRequest(long Id, string Codemod, JsonObject Args) : WorkerRequest(Id)
{
    public override string Method => "prefilter";
}

/// <summary>Describes one codemod; with <see cref="Args"/>, also builds it once with them (and checks the formatter).</summary>
internal sealed record CheckRequest(long Id, string Codemod, JsonObject? Args, IReadOnlyList<string>? Formatter) : WorkerRequest(Id)
{
    public override string Method => "check";
}

/// <summary>
/// One file: its raw bytes (base64 on the wire) and the context modules' bytes by dotted name; <see cref="ExcludeLines"/>
/// (ascending, left out when empty) are the lines whose sites the codemod must leave as they are.
/// </summary>
internal sealed record TransformFileRequest(long Id, string Path, string Codemod, JsonObject Args, IReadOnlyDictionary<string, byte[]> Context, IReadOnlyList<string>? Formatter, IReadOnlyList<int>? ExcludeLines, byte[] Source) : WorkerRequest(Id)
{
    public override string Method => "transform";
}

internal sealed record ScanFileRequest(long Id, string Path, JsonObject Args, byte[] Source) : WorkerRequest(Id)
{
    public override string Method => "scan";
}
