namespace Codemod.Cli.Rendering;

/// <summary>The document of <c>codemod cache info --format json</c> (docs/schemas/cache-info.schema.json).</summary>
internal sealed record CacheInfoDocument(int SchemaVersion, string Command, string Directory, int Entries, long Bytes, long MaxBytes);
