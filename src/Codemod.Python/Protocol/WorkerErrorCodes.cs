namespace Codemod.Python.Protocol;

/// <summary>The <c>code</c> of a refused request (set by <c>codemod_worker/server.py</c>): the engine decides on these, never on message text.</summary>
internal static class WorkerErrorCodes
{
    /// <summary>The request itself is wrong: unknown codemod, bad arguments, malformed field.</summary>
    public const string BadRequest = "bad-request";

    /// <summary>The worker speaks another protocol version.</summary>
    public const string ProtocolMismatch = "protocol-mismatch";

    /// <summary>The worker has no scan module (a broken installation).</summary>
    public const string ScanUnavailable = "scan-unavailable";

    /// <summary>A bug in the worker; it costs the request, not the worker.</summary>
    public const string Internal = "internal";
}
