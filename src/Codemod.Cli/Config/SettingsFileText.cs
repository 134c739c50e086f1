using Codemod.Core.Settings;

namespace Codemod.Cli.Config;

/// <summary>
/// The one way a file the user wrote (a configuration, a plan) is read: its text (UTF-8, a byte order mark honoured), or
/// one <see cref="UserError"/> "cannot read NOUN FILE: why". Each reader checks the size and shape of what it reads.
/// </summary>
internal static class SettingsFileText
{
    public static string Read(string path, string displayPath, string noun)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserError($"cannot read {noun} {displayPath}: {e.Message}");
        }
    }
}
