using System.Text;
using Codemod.Core.Settings;

namespace Codemod.Cli.Options;

/// <summary>
/// Splits a command such as <c>ruff format -</c> into argv the way a POSIX shell would split words (single and double
/// quotes, backslash escapes), without running a shell: no variables, globs, pipes or redirections.
/// </summary>
internal static class CommandSplitter
{
    public static IReadOnlyList<string> Split(string command, string what)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        char? quote = null;
        for (var i = 0; i < command.Length; i++)
        {
            var c = command[i];
            if (quote is '\'')
            {
                if (c == '\'')
                {
                    quote = null;
                }
                else
                {
                    word.Append(c);
                }
            }
            else if (c == '\\' && i + 1 < command.Length && (quote is null || command[i + 1] is '"' or '\\'))
            {
                word.Append(command[++i]);
                inWord = true;
            }
            else if (quote is '"')
            {
                if (c == '"')
                {
                    quote = null;
                }
                else
                {
                    word.Append(c);
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }

        if (quote is not null)
        {
            throw new UserError($"{what} `{command}` has an unclosed {quote} quote");
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words.Count > 0 ? words : throw new UserError($"{what} is empty: write the command, e.g. \"ruff format -\"");
    }
}
