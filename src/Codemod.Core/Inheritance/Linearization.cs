namespace Codemod.Core.Inheritance;

/// <summary>A C3 method resolution order, or the reason Python would refuse to create the class (<see cref="Error"/>).</summary>
public sealed record Linearization(IReadOnlyList<string>? Order, string? Error)
{
    public static Linearization Of(IReadOnlyList<string> order) => new(order, null);

    public static Linearization Fail(string error) => new(null, error);
}
