using Codemod.Core.Changes;

namespace Codemod.Cli.Interactive;

/// <summary>
/// The end of an interactive review: the change set to write (rejected sites re-run away, edits in place, files after a
/// quit left unwritten), every decision, and whether the reviewer quit.
/// </summary>
internal sealed record ReviewResult(ChangeSet Changes, IReadOnlyList<SiteDecision> Decisions, bool Quit);
