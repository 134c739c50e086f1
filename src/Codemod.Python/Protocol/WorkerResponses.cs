using System.Text.Json;

namespace Codemod.Python.Protocol;

/// <summary>What every response carries: the request's id, whether it was answered, and if not why (<see cref="WorkerErrorCodes"/>).</summary>
internal record WorkerResponse
{
    public long? Id { get; init; }

    public bool Ok { get; init; }

    public string? Error { get; init; }

    /// <summary>One of <see cref="WorkerErrorCodes"/> when <see cref="Ok"/> is false.</summary>
    public string? Code { get; init; }
}

internal sealed record HelloResponse : WorkerResponse
{
    public int Protocol { get; init; }

    public string? Python { get; init; }

    public string? Libcst { get; init; }
}

internal sealed record ListResponse : WorkerResponse
{
    public IReadOnlyList<CodemodDescription> Codemods { get; init; } = [];
}

internal sealed record CheckResponse : WorkerResponse
{
    public CodemodDescription? Codemod { get; init; }
}

internal sealed record PrefilterResponse : WorkerResponse
{
    public IReadOnlyList<string> Tokens { get; init; } = [];
}

internal sealed record ShutdownResponse : WorkerResponse;

/// <summary>One file's outcome; <see cref="Source"/> (the new bytes) only when it changed.</summary>
internal sealed record TransformResponse : WorkerResponse
{
    public string? Outcome { get; init; }

    public string? Reason { get; init; }

    /// <summary>The Python exception type behind a failure (<c>MemoryError</c> answers are not cached).</summary>
    public string? ErrorType { get; init; }

    public int? Line { get; init; }

    public IReadOnlyList<ChangeDescription>? Changes { get; init; }

    public IReadOnlyList<ChangeDescription>? Reviews { get; init; }

    public IReadOnlyList<BreakingDescription>? Breaking { get; init; }

    /// <summary>Sites left as they are (a <c># codemod: ignore</c> comment, or an excluded line), each with its reason.</summary>
    public IReadOnlyList<SuppressedDescription>? Suppressed { get; init; }

    public byte[]? Source { get; init; }
}

internal sealed record ChangeDescription(int Line, int Column, string? Kind, string? Message, string? RequiresChangedModule);

internal sealed record SuppressedDescription(int Line, int Column, string? Kind, string? Message, string? Reason);

internal sealed record BreakingDescription(string? What, string? Migrate);

internal sealed record CodemodDescription
{
    public string Name { get; init; } = string.Empty;

    public string? Description { get; init; }

    public string? Version { get; init; }

    public IReadOnlyList<string> Prefilter { get; init; } = [];

    public IReadOnlyList<ParameterDescription> Parameters { get; init; } = [];

    public bool Breaking { get; init; }

    public IReadOnlyList<string> ContextArgs { get; init; } = [];

    public bool PrefilterFromArgs { get; init; }

    public IReadOnlyList<RequiredModuleDescription> RequiredModules { get; init; } = [];
}

internal sealed record ParameterDescription(string Name, string? Help, JsonElement? Default, bool Required, bool Multiple);

internal sealed record RequiredModuleDescription(string? Parameter, string? NameParameter);
