namespace Codemod.Core.Changes;

/// <summary>A breaking change a codemod made to the code base it edits (a class moved or became an alias), and how to migrate.</summary>
public sealed record BreakingRecord(string What, string Migrate);
