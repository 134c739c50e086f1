namespace Codemod.Cli.Options;

/// <summary><c>codemod scan</c>, resolved: the engine, the rules' arguments (<c>allow</c>), the report's format and files, and the day shims are judged against.</summary>
internal sealed record ScanSettings(EngineSettings Engine, IReadOnlyDictionary<string, IReadOnlyList<string>> Arguments, string Format, DateOnly Today, OutputStyle Style)
{
    /// <summary>Absolute; null writes the report to stdout.</summary>
    public string? Output { get; init; }

    /// <summary>As given (for messages) and absolute.</summary>
    public (string Given, string Full)? Baseline { get; init; }

    public string? WriteBaseline { get; init; }
}
