using Codemod.Cli.Rendering;

namespace Codemod.Cli.Options;

/// <summary>Colour decided once per stream from <c>--color</c>, <c>NO_COLOR</c> and whether the stream is a terminal.</summary>
internal sealed record OutputStyle(Paint Stdout, Paint Stderr)
{
    public static OutputStyle From(string? color, EnvironmentSnapshot environment) =>
        new(new Paint(Use(color, environment, environment.OutputRedirected)), new Paint(Use(color, environment, environment.ErrorRedirected)));

    private static bool Use(string? color, EnvironmentSnapshot environment, bool redirected) => color switch
    {
        "always" => true,
        "never" => false,
        _ => !environment.NoColor && !redirected,
    };
}
