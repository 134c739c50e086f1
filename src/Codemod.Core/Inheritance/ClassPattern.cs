using System.Text;
using System.Text.RegularExpressions;
using Codemod.Core.Settings;

namespace Codemod.Core.Inheritance;

/// <summary>
/// Which classes <c>codemod mro</c> reports: a glob on the class name (<c>*WebSocketManager</c>), or, when the pattern
/// has a dot, on the qualified name (<c>netra_backend.app.*.WebSocketManager</c>). <c>*</c> and <c>?</c> are the wildcards.
/// </summary>
public sealed class ClassPattern
{
    private readonly Regex _regex;

    private ClassPattern(string text, Regex regex)
    {
        Text = text;
        _regex = regex;
    }

    public string Text { get; }

    public bool IsQualified => Text.Contains('.', StringComparison.Ordinal);

    public static ClassPattern Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new UserError("the class pattern is empty: write a class name, a glob such as '*Manager', or a qualified name");
        }

        // Only names can match: anything else (a regex or shell bracket, a space, an empty part) is a typo, and a typo
        // that silently matches nothing reads as "no such class".
        foreach (var part in text.Trim().Split('.'))
        {
            if (part.Length == 0)
            {
                throw new UserError($"invalid class pattern '{text}': empty name between dots");
            }

            var bad = part.FirstOrDefault(c => c is not ('*' or '?' or '_') && !char.IsLetterOrDigit(c));
            if (bad != default)
            {
                throw new UserError($"invalid class pattern '{text}': '{bad}' cannot occur in a class or module name (wildcards are * and ?)");
            }
        }

        var pattern = new StringBuilder("^");
        foreach (var c in text.Trim())
        {
            pattern.Append(c switch
            {
                '*' => ".*",
                '?' => ".",
                _ => Regex.Escape(c.ToString()),
            });
        }

        return new ClassPattern(text.Trim(), new Regex(pattern.Append('$').ToString(), RegexOptions.CultureInvariant));
    }

    public bool Matches(IndexedClass indexed) => _regex.IsMatch(IsQualified ? indexed.QualifiedName : indexed.ShortName);
}
