using System.Globalization;
using Codemod.Core.Transform;

namespace Codemod.Core.Cache;

/// <summary>
/// A codemod whose <c>today</c> parameter is left unset decides by the current date (remove-expired-shim removes what
/// expired by then): the date belongs in its cache keys, or yesterday's answers would be reused today. A date given
/// with <c>--arg today=…</c> is an argument like any other and already in the keys.
/// </summary>
public static class DateDependence
{
    public const string Parameter = "today";

    /// <summary>The key part for a run on <paramref name="today"/>, or null when the outcome does not depend on the date.</summary>
    public static string? KeyPart(CodemodInfo codemod, IReadOnlyDictionary<string, IReadOnlyList<string>> arguments, DateOnly today) =>
        codemod.Parameters.Any(p => p.Name == Parameter) && !arguments.ContainsKey(Parameter)
            ? Parameter + "=" + today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;
}
