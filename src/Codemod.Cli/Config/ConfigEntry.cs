namespace Codemod.Cli.Config;

/// <summary>
/// One key of a configuration file as either reader (TOML, YAML) found it, before its meaning is checked: the value is a
/// string, a long, a double, a bool, a list of values, or a nested table (a list of entries); the line is 1-based.
/// </summary>
internal sealed record ConfigEntry(string Key, object Value, int Line);
