using System.Text;

namespace Codemod.Core.Transform;

/// <summary>
/// Decides, without parsing, whether a file can possibly interest a codemod: one of its tokens must occur as a whole
/// identifier. Whole words matter: in a code base that imports <c>isolated_environment</c> everywhere, the substring
/// <c>environ</c> matches many times more files than the identifier does.
/// </summary>
public sealed class Prefilter
{
    private readonly byte[][] _tokens;

    public Prefilter(IEnumerable<string> tokens) => _tokens = [.. tokens.Where(t => t.Length > 0).Distinct().Select(Encoding.UTF8.GetBytes)];

    /// <summary>A codemod that declares no tokens applies to every file.</summary>
    public bool AcceptsEverything => _tokens.Length == 0;

    public bool Accepts(ReadOnlySpan<byte> source)
    {
        if (AcceptsEverything)
        {
            return true;
        }

        foreach (var token in _tokens)
        {
            if (ContainsWord(source, token))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsWord(ReadOnlySpan<byte> source, ReadOnlySpan<byte> token)
    {
        var offset = 0;
        while (offset <= source.Length - token.Length)
        {
            var found = source[offset..].IndexOf(token);
            if (found < 0)
            {
                return false;
            }

            var start = offset + found;
            var end = start + token.Length;
            if ((start == 0 || !IsIdentifierByte(source[start - 1])) && (end == source.Length || !IsIdentifierByte(source[end])))
            {
                return true;
            }

            offset = start + 1;
        }

        return false;
    }

    // Bytes >= 0x80 belong to non-ASCII identifier characters in UTF-8 (and to letters in legacy encodings).
    private static bool IsIdentifierByte(byte b) => b == (byte)'_' || char.IsAsciiLetterOrDigit((char)b) || b >= 0x80;
}
