using System.CommandLine;
using Codemod.Core.Settings;

namespace Codemod.Cli.Options;

/// <summary>The flags of <c>codemod apply</c> and their resolution into <see cref="ApplySettings"/>.</summary>
internal sealed class ApplyOptions
{
    public CommonOptions Common { get; } = new();

    public Argument<string> Codemod { get; } = new("CODEMOD") { Description = "Name of the codemod (see `codemod list`)", Arity = ArgumentArity.ZeroOrOne };

    public Option<string[]> FromPatch { get; } = new("--from-patch") { Description = "Apply patches written by `preview --format patch` (e.g. by shards) instead of running a codemod; every file must match its patch's pre-image, or nothing is written", HelpName = "FILE", Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = true };

    public Option<string> Format { get; } = CommonOptions.Choice("--format", "text (summary on stderr, default) or json (the run document on stdout)", "text", "json");

    public Option<bool> Commit { get; } = new("--commit") { Description = "Commit the changed files with a detailed message, tag the rollback point and the commit, store the report as a git note" };

    public Option<bool> AllowDirty { get; } = new("--allow-dirty") { Description = "With --commit: proceed on a tree with uncommitted changes; files that have them are left alone and nothing else is staged" };

    public Option<bool> NoVerify { get; } = new("--no-verify") { Description = "With --commit: skip the pre-commit and commit-msg hooks" };

    public Option<bool> Interactive { get; } = new("--interactive", "-i") { Description = "Show each rewrite site with its diff and accept (y) or reject (n) it; rejected sites are re-run so imports stay consistent (needs a terminal)" };

    public Option<string> OnQuit { get; } = CommonOptions.Choice("--on-quit", "With -i: what q does with the sites accepted so far: write them (default) or discard everything", "write", "discard");

    public Command AddTo(Command command)
    {
        command.Add(Codemod);
        Common.AddTo(command);
        foreach (var option in new Option[] { Format, Commit, AllowDirty, NoVerify, Interactive, OnQuit, Common.Strict, Common.GeneratedMarker, Common.Formatter, FromPatch })
        {
            command.Add(option);
        }

        CommonOptions.AddConfigTo(command);
        return command;
    }

    public ApplySettings Resolve(ParseResult parse, EnvironmentSnapshot environment)
    {
        var commit = parse.GetValue(Commit);
        if (!commit && (parse.GetValue(AllowDirty) || parse.GetValue(NoVerify)))
        {
            throw new UserError("--allow-dirty and --no-verify only make sense with --commit");
        }

        var interactive = InteractiveChoice(parse, environment);
        var settings = new ApplySettings(null, parse.GetValue(Format) == "json", commit, parse.GetValue(AllowDirty), parse.GetValue(NoVerify), parse.GetValue(Common.Strict), SettingsResolver.Style(parse, environment))
        {
            Interactive = interactive,
            OnQuit = parse.GetValue(OnQuit) == "discard" ? QuitChoice.Discard : QuitChoice.Write,
        };
        var codemod = parse.GetValue(Codemod);
        if (parse.GetValue(FromPatch) is { Length: > 0 } patches)
        {
            if (interactive)
            {
                throw new UserError("-i reviews the sites of a codemod run; --from-patch applies patches as they are: use one or the other");
            }

            if (codemod is not null || (parse.GetValue(Common.Paths) ?? []).Length > 0)
            {
                throw new UserError("--from-patch applies the patches as they are: give no CODEMOD or PATH (the patches name the files; --root says where they are)");
            }

            var root = parse.GetValue(Common.Root) is { } r ? Path.GetFullPath(r, environment.CurrentDirectory) : environment.CurrentDirectory;
            return settings with { FromPatch = patches, PatchRoot = root };
        }

        return codemod is null
            ? throw new UserError("apply needs a CODEMOD (see `codemod list`), or --from-patch FILE...")
            : settings with { Run = CodemodRunSettings.Resolve(parse, Common, codemod, environment) };
    }

    // -i asks questions: without a terminal to answer them it would hang or read a script's input as answers.
    private bool InteractiveChoice(ParseResult parse, EnvironmentSnapshot environment)
    {
        var interactive = parse.GetValue(Interactive);
        if (!interactive)
        {
            return parse.GetResult(OnQuit) is { Implicit: false }
                ? throw new UserError("--on-quit only makes sense with -i (interactive apply)")
                : false;
        }

        if (parse.GetValue(Format) == "json")
        {
            throw new UserError("-i asks a person about each site and cannot write --format json: drop one of them (preview --format json shows the sites)");
        }

        return environment.InputRedirected
            ? throw new UserError("-i needs a terminal to ask on, and stdin is redirected: run it in a terminal, or apply without -i")
            : true;
    }
}
