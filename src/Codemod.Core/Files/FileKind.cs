using System.Runtime.InteropServices;

namespace Codemod.Core.Files;

/// <summary>Tells a regular file from a FIFO, socket or device, which <see cref="FileInfo"/> cannot: reading a FIFO blocks forever.</summary>
internal static partial class FileKind
{
    private const int TypeMask = 0xF000;
    private const int RegularFile = 0x8000;

    /// <summary>True for a regular file; true also when the platform cannot tell, so nothing is refused on a guess.</summary>
    public static bool IsRegular(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        try
        {
            // The runtime's own lstat shim (libSystem.Native) has one struct layout on every Unix; Mode is its second int.
            Span<byte> status = stackalloc byte[512];
            return LStat(path, ref MemoryMarshal.GetReference(status)) != 0 || (BitConverter.ToInt32(status[4..8]) & TypeMask) == RegularFile;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return true;
        }
    }

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_LStat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int LStat(string path, ref byte status);
}
