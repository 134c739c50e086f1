namespace Codemod.Cli.Options;

/// <summary>Where a resolved setting came from, in precedence order: the command line wins over the environment, which wins over the configuration file, which wins over the built-in default.</summary>
internal enum SettingLayer
{
    CommandLine,
    Environment,
    Configuration,
    Default,
}
