using System.CommandLine;
using System.CommandLine.Parsing;

namespace Codemod.Cli.Options;

/// <summary>
/// Finds mistyped options. System.CommandLine hands a token such as <c>--exlude</c> to a command's PATH argument, where it
/// would surface as "path '--exlude' does not exist"; this names it as the unknown option it is, with the closest
/// spelling the command accepts.
/// </summary>
internal static class UnknownOptions
{
    // An option asked of the wrong command: the command that has it is the better hint than a look-alike spelling.
    private static readonly Dictionary<string, string> Elsewhere = new(StringComparer.Ordinal)
    {
        ["--dry-run"] = "`codemod preview` is the dry run of apply",
        ["--check"] = "--check belongs to `codemod preview`",
    };

    /// <summary>One message per unknown option, in command-line order; empty when every option is known.</summary>
    public static IReadOnlyList<string> Find(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var afterDoubleDash = parse.Tokens.SkipWhile(t => t.Type != TokenType.DoubleDash).Skip(1).Select(t => t.Value).ToHashSet(StringComparer.Ordinal);
        var suspects = new List<string>(parse.UnmatchedTokens.Where(LooksLikeOption));
        foreach (var argument in command.Arguments)
        {
            if (parse.GetResult(argument) is { } result)
            {
                suspects.AddRange(result.Tokens.Select(t => t.Value).Where(v => LooksLikeOption(v) && !afterDoubleDash.Contains(v)));
            }
        }

        // An option that takes values swallows the next token even when it is a mistyped option (--include --exlude).
        foreach (var option in parse.CommandResult.Children.OfType<OptionResult>())
        {
            suspects.AddRange(option.Tokens.Select(t => t.Value).Where(v => v.StartsWith("--", StringComparison.Ordinal) && LooksLikeOption(v) && !afterDoubleDash.Contains(v)));
        }

        var known = KnownOptions(parse.CommandResult).ToList();
        return [.. suspects.Distinct(StringComparer.Ordinal).Select(token => Describe(token, command.Name, known))];
    }

    /// <summary>The closest of <paramref name="candidates"/> within a typo's distance of <paramref name="typed"/>, or null.</summary>
    public static string? Closest(string typed, IEnumerable<string> candidates)
    {
        var spelling = typed.Split('=', 2)[0];
        var best = candidates
            .Select(c => (Name: c, Distance: Distance(spelling, c)))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        var allowed = Math.Max(2, spelling.Length / 3);
        return best.Name is not null && best.Distance <= allowed ? best.Name : null;
    }

    private static string Describe(string token, string commandName, IReadOnlyList<string> known)
    {
        var spelling = token.Split('=', 2)[0];
        var hint = Closest(spelling, known) is { } closest
            ? $": did you mean {closest}?"
            : Elsewhere.TryGetValue(spelling, out var elsewhere) ? $": {elsewhere}" : string.Empty;
        return $"unknown option '{spelling}' for `codemod {commandName}`{hint} (see `codemod {commandName} --help`)";
    }

    private static IEnumerable<string> KnownOptions(CommandResult result)
    {
        for (SymbolResult? current = result; current is not null; current = current.Parent)
        {
            if (current is CommandResult { Command: var command })
            {
                foreach (var option in command.Options.Where(o => !o.Hidden && (current == result || o.Recursive)))
                {
                    yield return option.Name;
                    foreach (var alias in option.Aliases.Where(a => a.StartsWith("--", StringComparison.Ordinal)))
                    {
                        yield return alias;
                    }
                }
            }
        }
    }

    // "-" alone is stdin and "-1" a number; an option starts with a dash and a letter, or two dashes and a letter.
    private static bool LooksLikeOption(string token) =>
        token.Length > 1 && token[0] == '-' && (char.IsLetter(token[1]) || (token.Length > 2 && token[1] == '-' && char.IsLetter(token[2])));

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
