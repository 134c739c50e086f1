using System.Reflection;

namespace Codemod.Cli;

/// <summary>The engine's own version, as stamped into reports and commit messages.</summary>
internal static class EngineInfo
{
    public static string Version { get; } =
        typeof(EngineInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
