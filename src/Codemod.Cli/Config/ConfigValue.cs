namespace Codemod.Cli.Config;

/// <summary>A checked configuration value and the line of the file it was written on.</summary>
internal sealed record ConfigValue<T>(T Value, int Line);
