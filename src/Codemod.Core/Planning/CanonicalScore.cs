using System.Globalization;

namespace Codemod.Core.Planning;

/// <summary>Why a candidate ranks where it does: the total and each fact's contribution, written into the plan as a comment.</summary>
internal sealed record CanonicalScore(ClassCandidate Candidate, int Total, IReadOnlyList<string> Parts)
{
    public string Explain() => $"{Candidate.QualifiedName} (score {Total.ToString(CultureInfo.InvariantCulture)}: {string.Join(", ", Parts)})";
}
