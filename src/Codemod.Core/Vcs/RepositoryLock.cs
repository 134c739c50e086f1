using System.Diagnostics;
using System.Globalization;
using Codemod.Core.Settings;

namespace Codemod.Core.Vcs;

/// <summary>
/// The repository lock a writing run holds from its rollback tag to its last tag: <c>codemod.lock</c> in the git
/// directory, holding the owner's process id and start time. A lock whose owner is gone (or whose id was reused by a
/// later process) is stale and taken over; a live owner makes the second run refuse. Re-entrant within one process,
/// so a plan's steps run under the batch's lock.
/// </summary>
public sealed class RepositoryLock : IDisposable
{
    public const string FileName = "codemod.lock";
    private readonly string? _path;

    private RepositoryLock(string? path) => _path = path;

    /// <summary>Takes the lock or throws <see cref="UserError"/> naming the live owner.</summary>
    public static RepositoryLock Acquire(string gitDirectory)
    {
        var path = Path.Combine(gitDirectory, FileName);
        var self = Environment.ProcessId;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                using (var writer = new StreamWriter(stream))
                {
                    writer.Write($"{self}\n{StartTicks(self)}\n");
                }

                return new RepositoryLock(path);
            }
            catch (IOException) when (File.Exists(path))
            {
                var owner = Owner(path);
                if (owner == self)
                {
                    return new RepositoryLock(null);
                }

                if (owner is not null)
                {
                    throw new UserError($"another codemod run (process {owner}) holds the repository lock {path}: wait for it to finish (if no such process runs, delete the file)");
                }

                File.Delete(path);
            }
        }

        throw new UserError($"cannot take the repository lock {path}: delete it if no codemod runs");
    }

    /// <summary>The live process holding the lock at <paramref name="path"/>; null when free or stale.</summary>
    public static int? Owner(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        if (lines.Length < 2 || !int.TryParse(lines[0], CultureInfo.InvariantCulture, out var pid))
        {
            return null;
        }

        return StartTicks(pid) is { } ticks && ticks.ToString(CultureInfo.InvariantCulture) == lines[1].Trim() ? pid : null;
    }

    /// <summary>Whether process <paramref name="pid"/>, started at <paramref name="startTicks"/> (not a later process given the same id), is alive.</summary>
    public static bool IsAlive(int pid, long startTicks) => StartTicks(pid) == startTicks;

    /// <summary>This process's start time, as the lock and the journal record it.</summary>
    public static long CurrentStartTicks() => StartTicks(Environment.ProcessId) ?? 0;

    public void Dispose()
    {
        if (_path is not null)
        {
            File.Delete(_path);
        }
    }

    private static long? StartTicks(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited ? null : process.StartTime.ToUniversalTime().Ticks / TimeSpan.TicksPerSecond;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
