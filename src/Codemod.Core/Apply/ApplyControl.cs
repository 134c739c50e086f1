namespace Codemod.Core.Apply;

/// <summary>
/// How a write is watched: the journal it records itself in, the hook called at each named phase (tests kill or pause
/// the process there), and the cancellation a signal raises. A signal never stops a phase half-way: the writer checks
/// it between phases.
/// </summary>
public sealed record ApplyControl
{
    public static readonly ApplyControl None = new();

    public RunJournal? Journal { get; init; }

    public Action<string>? OnPhase { get; init; }

    public CancellationToken Cancel { get; init; }

    public void Phase(string name) => OnPhase?.Invoke(name);
}
