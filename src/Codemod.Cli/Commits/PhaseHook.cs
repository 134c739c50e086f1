using System.Diagnostics;
using Codemod.Core.Apply;

namespace Codemod.Cli.Commits;

/// <summary>
/// The test hook at a run's named phases (<see cref="RunPhases"/>), from <c>CODEMOD_TEST_PHASE=&lt;phase&gt;:kill</c>
/// (SIGKILL the process there, as a crash would) or <c>&lt;phase&gt;:pause</c> (say so on stderr and wait until the run is interrupted, at most a minute, so
/// a test can send a signal mid-phase). Unset in normal use: then there is no hook at all.
/// </summary>
internal static class PhaseHook
{
    public static Action<string>? From(string? spec, TextWriter error, CancellationToken interrupted = default)
    {
        if (string.IsNullOrEmpty(spec) || spec.LastIndexOf(':') is var colon && colon <= 0)
        {
            return null;
        }

        var (phase, action) = (spec[..colon], spec[(colon + 1)..]);
        var fired = false;
        return name =>
        {
            if (name != phase || fired)
            {
                return;
            }

            fired = true;
            error.WriteLine($"codemod: test hook at phase {name}: {action}");
            error.Flush();
            if (action == "kill")
            {
                Process.GetCurrentProcess().Kill();
            }
            else if (action == "pause")
            {
                // Until the signal arrives (on a loaded machine a fixed pause can end before the test's signal is sent),
                // at most a minute; then the phase goes on and the run reacts to the signal as it would in real use.
                interrupted.WaitHandle.WaitOne(interrupted.CanBeCanceled ? TimeSpan.FromMinutes(1) : TimeSpan.FromSeconds(3));
            }
        };
    }
}
