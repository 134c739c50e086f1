namespace Codemod.Core.Apply;

/// <summary>The kinds of journal.</summary>
public static class JournalKinds
{
    public const string Run = "run";
    public const string Plan = "plan";
}
