using System.Text;

namespace Codemod.Core.Diff;

/// <summary>
/// Turns file bytes into text for diffing and back without loss: strict UTF-8 when the bytes are UTF-8, else Latin-1,
/// which maps every byte to one char, so a latin-1 or cp1252 file's patch carries its original bytes.
/// </summary>
public static class SourceText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Encoding EncodingOf(ReadOnlySpan<byte> bytes)
    {
        try
        {
            StrictUtf8.GetCharCount(bytes);
            return StrictUtf8;
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1;
        }
    }
}
