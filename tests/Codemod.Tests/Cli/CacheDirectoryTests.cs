using Codemod.Cli;
using Codemod.Cli.Options;

namespace Codemod.Tests.Cli;

public sealed class CacheDirectoryTests
{
    private static string? Resolve(EnvironmentSnapshot environment, params string[] args)
    {
        var parse = CliApp.Build(new CliContext(Stream.Null, TextWriter.Null, environment)).Parse(["cache", "info", .. args]);
        Assert.Empty(parse.Errors);
        return SettingsResolver.CacheDirectory(parse, environment);
    }

    private static EnvironmentSnapshot Environment(string? cacheDir = null, string? xdg = null, string? home = "/home/u") =>
        new(NoColor: true, Python: null, CurrentDirectory: "/work", OutputRedirected: true, ErrorRedirected: true, CacheDirectory: cacheDir, XdgCacheHome: xdg, Home: home);

    [Fact]
    public void The_default_is_the_codemod_folder_of_the_users_cache()
    {
        Assert.Equal("/home/u/.cache/codemod", Resolve(Environment()));
    }

    [Fact]
    public void Xdg_cache_home_wins_over_the_home_folder_and_a_relative_one_is_ignored()
    {
        Assert.Equal("/xdg/codemod", Resolve(Environment(xdg: "/xdg")));
        Assert.Equal("/home/u/.cache/codemod", Resolve(Environment(xdg: "relative")));
    }

    [Fact]
    public void The_environment_variable_wins_over_xdg_and_the_option_wins_over_both()
    {
        Assert.Equal("/env-cache", Resolve(Environment(cacheDir: "/env-cache", xdg: "/xdg")));
        Assert.Equal("/work/here", Resolve(Environment(cacheDir: "/env-cache"), "--cache-dir", "here"));
    }

    [Fact]
    public void No_cache_turns_it_off_whatever_else_is_set()
    {
        Assert.Null(Resolve(Environment(cacheDir: "/env-cache"), "--no-cache", "--cache-dir", "/x"));
    }
}
