namespace Codemod.Cli.Options;

/// <summary>A setting's value and where it came from (<c>--jobs</c>, <c>$CODEMOD_PYTHON</c>, <c>pyproject.toml:12</c>, <c>default</c>).</summary>
internal sealed record Resolved<T>(T Value, SettingLayer Layer, string Where);
