using System.Diagnostics;
using System.ComponentModel;
using Codemod.Cli.Options;

namespace Codemod.Cli.Interactive;

/// <summary>Opens a file's proposed text in the user's editor (<c>$VISUAL</c>, <c>$EDITOR</c>, else <c>vi</c>) and reads it back.</summary>
internal static class ExternalEditor
{
    public static async Task<EditResult> EditAsync(string? editor, string path, byte[] text, CancellationToken cancellationToken)
    {
        var command = CommandSplitter.Split(editor ?? "vi", "$EDITOR");
        // The same file name (in a private folder) lets the editor recognise the language.
        var folder = Directory.CreateTempSubdirectory("codemod-edit-");
        try
        {
            var file = Path.Combine(folder.FullName, Path.GetFileName(path));
            await File.WriteAllBytesAsync(file, text, cancellationToken).ConfigureAwait(false);
            // Not ProcessRunner: an editor needs the terminal itself, so nothing is redirected and it inherits our streams.
            var info = new ProcessStartInfo(command[0]) { UseShellExecute = false };
            foreach (var argument in command.Skip(1).Append(file))
            {
                info.ArgumentList.Add(argument);
            }

            using var process = Process.Start(info)!;
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            return process.ExitCode == 0
                ? new EditResult(await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false), null)
                : new EditResult(null, $"the editor ({command[0]}) exited with code {process.ExitCode}");
        }
        catch (Win32Exception e)
        {
            return new EditResult(null, $"cannot run the editor '{command[0]}': {e.Message} (set $EDITOR)");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
