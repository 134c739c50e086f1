using System.Runtime.InteropServices;

namespace Codemod.Core.Files;

/// <summary>
/// Tells a regular file from a symbolic link, FIFO, socket or device; reading a FIFO blocks forever. .NET's public file
/// APIs (one <c>lstat</c> behind <see cref="FileInfo"/>) answer every case but one: they report no file type, and a
/// FIFO, a socket and a device all have length 0, like an empty file. Only that case asks the kernel, through
/// <c>statx</c> (a libc function with one struct layout on every Linux architecture).
/// </summary>
internal static partial class FileKind
{
    private const int AtCurrentDirectory = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const int StatxModeOffset = 28;
    private const int TypeMask = 0xF000;
    private const int RegularFile = 0x8000;

    /// <summary>
    /// True for a regular file (never for a symbolic link or a folder); true also when the platform cannot tell a
    /// zero-length file's type, so nothing is refused on a guess.
    /// </summary>
    public static bool IsRegular(FileInfo info)
    {
        if (!info.Exists || (info.Attributes & (FileAttributes.ReparsePoint | FileAttributes.Directory)) != 0)
        {
            return false;
        }

        // A FIFO, socket or device reports st_size 0 to lstat; anything longer is a regular file.
        if (info.Length > 0 || OperatingSystem.IsWindows())
        {
            return true;
        }

        return !OperatingSystem.IsLinux() || ZeroLengthIsRegular(info.FullName);
    }

    private static bool ZeroLengthIsRegular(string path)
    {
        try
        {
            Span<byte> status = stackalloc byte[256];
            if (Statx(AtCurrentDirectory, path, AtSymlinkNoFollow, StatxType, ref MemoryMarshal.GetReference(status)) != 0)
            {
                return true;
            }

            return (BitConverter.ToUInt16(status[StatxModeOffset..(StatxModeOffset + 2)]) & TypeMask) == RegularFile;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return true;
        }
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, ref byte status);
}
