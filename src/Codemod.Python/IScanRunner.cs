using System.Text.Json;

namespace Codemod.Python;

/// <summary>Runs the worker's ast-based per-file scan; the facts are aggregated by the scan command.</summary>
public interface IScanRunner
{
    Task<ScanResponse> ScanAsync(string path, byte[] source, IReadOnlyDictionary<string, IReadOnlyList<string>> arguments, CancellationToken cancellationToken);
}

/// <summary>The worker's answer for one file: the response object, or why there is none (crash, timeout, refusal).</summary>
public sealed record ScanResponse(JsonElement? Response, string? Failure);
