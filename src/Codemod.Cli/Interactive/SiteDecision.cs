using Codemod.Core.Changes;

namespace Codemod.Cli.Interactive;

/// <summary>One decision of an interactive apply: the file, the site as the codemod recorded it, and the verdict.</summary>
internal sealed record SiteDecision(string Path, ChangeRecord Site, SiteVerdict Verdict);
