using Codemod.Core.Settings;
using Tomlyn;
using Tomlyn.Model;
using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace Codemod.Cli.Config;

/// <summary>
/// Reads the <c>[tool.codemod]</c> table of a TOML file (pyproject.toml). The syntax tree gives each key its line; the
/// model gives its value. A syntax error or a key defined twice is one <see cref="UserError"/> naming file and line.
/// </summary>
internal static class TomlConfigReader
{
    /// <summary>The table's entries, or null when the file has no <c>[tool.codemod]</c> table.</summary>
    public static IReadOnlyList<ConfigEntry>? Read(string text, string displayPath)
    {
        var syntax = SyntaxParser.Parse(text, displayPath, true);
        if (syntax.Diagnostics.FirstOrDefault(d => d.Kind == DiagnosticMessageKind.Error) is { } error)
        {
            throw new UserError($"{displayPath}:{error.Span.Start.Line + 1}: invalid TOML: {error.Message}");
        }

        TomlTable model;
        try
        {
            model = TomlSerializer.Deserialize<TomlTable>(text) ?? [];
        }
        catch (TomlException e)
        {
            throw new UserError($"{displayPath}: invalid TOML: {e.Message}");
        }

        if (!model.TryGetValue("tool", out var tool) || tool is not TomlTable toolTable || !toolTable.TryGetValue("codemod", out var codemod))
        {
            return null;
        }

        var lines = KeyLines(syntax);
        var tableLine = Line(lines, "tool.codemod", 1);
        return codemod is TomlTable table
            ? Entries(table, "tool.codemod", lines, tableLine)
            : throw new UserError($"{displayPath}:{tableLine}: 'tool.codemod' must be a table ([tool.codemod])");
    }

    private static List<ConfigEntry> Entries(TomlTable table, string path, Dictionary<string, int> lines, int fallback) =>
        [.. table.Select(kv =>
        {
            var keyPath = $"{path}.{kv.Key}";
            var line = Line(lines, keyPath, fallback);
            return new ConfigEntry(kv.Key, Value(kv.Value, keyPath, lines, line), line);
        })];

    private static object Value(object? value, string path, Dictionary<string, int> lines, int line) => value switch
    {
        TomlTable table => Entries(table, path, lines, line),
        TomlArray array => array.Select(item => Value(item, path, lines, line)).ToList(),
        TomlTableArray tables => tables.Select(t => (object)Entries(t, path, lines, line)).ToList(),
        string or long or double or bool => value,
        null => string.Empty,
        _ => value.ToString() ?? string.Empty,
    };

    // Dotted key path ("tool.codemod.jobs") to its 1-based line: from table headers and the keys under them.
    private static Dictionary<string, int> KeyLines(DocumentSyntax syntax)
    {
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var pair in syntax.KeyValues)
        {
            lines.TryAdd(Normalize(pair.Key?.ToString()), pair.Span.Start.Line + 1);
        }

        foreach (var table in syntax.Tables)
        {
            var name = Normalize(table.Name?.ToString());
            lines.TryAdd(name, table.Span.Start.Line + 1);
            foreach (var pair in table.Items)
            {
                lines.TryAdd($"{name}.{Normalize(pair.Key?.ToString())}", pair.Span.Start.Line + 1);
            }
        }

        return lines;
    }

    // The longest written prefix of a key path gives its line (a key inside an inline table shares the table's line).
    private static int Line(Dictionary<string, int> lines, string path, int fallback)
    {
        for (var current = path; current.Length > 0; current = current.Contains('.', StringComparison.Ordinal) ? current[..current.LastIndexOf('.')] : string.Empty)
        {
            if (lines.TryGetValue(current, out var line))
            {
                return line;
            }
        }

        return fallback;
    }

    private static string Normalize(string? key) =>
        string.Join('.', (key ?? string.Empty).Split('.').Select(part => part.Trim().Trim('"', '\'')));
}
