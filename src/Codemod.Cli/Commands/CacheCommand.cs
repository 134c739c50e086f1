using System.CommandLine;
using System.Globalization;
using Codemod.Cli.Options;
using Codemod.Cli.Rendering;
using Codemod.Core.Cache;

namespace Codemod.Cli.Commands;

/// <summary><c>codemod cache info|clear</c>: where the result cache lives, how big it is, and emptying it.</summary>
internal static class CacheCommand
{
    public static Command Create(CliContext context)
    {
        var format = CommonOptions.Choice("--format", "text (default) or json", "text", "json");
        var info = new Command("info", "Where the result cache is, how many entries and bytes it holds, its size bound") { format };
        CommonOptions.AddConfigTo(info);
        info.SetAction(parse => Info(Open(parse, context), parse.GetValue(format) == "json", context));

        var clear = new Command("clear", "Remove every entry of the result cache");
        CommonOptions.AddConfigTo(clear);
        clear.SetAction(parse =>
        {
            var cache = Open(parse, context);
            var removed = cache?.Clear() ?? 0;
            context.Error.WriteLine(cache is null ? "cache: off: nothing to clear" : $"cache: removed {removed:N0} entries from {cache.Directory}");
            return ExitCodes.For(new RunVerdict());
        });

        return new Command("cache", "The result cache: outcomes of unchanged files are reused across runs") { info, clear };
    }

    private static int Info(FileResultCache? cache, bool json, CliContext context)
    {
        if (cache is null)
        {
            context.Error.WriteLine("cache: off (--no-cache, or no home folder to keep it in: pass --cache-dir)");
            return ExitCodes.For(new RunVerdict());
        }

        var (entries, bytes) = cache.Measure();
        if (json)
        {
            var document = new CacheInfoDocument(DocumentJson.SchemaVersion, "cache info", cache.Directory, entries, bytes, cache.MaxBytes);
            DocumentJson.Write(context.OutputStream, document, DocumentJson.Escaped.CacheInfoDocument);
            return ExitCodes.For(new RunVerdict());
        }

        context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{cache.Directory}: {entries:N0} entries, {Mib(bytes)} of {Mib(cache.MaxBytes)}"));
        return ExitCodes.For(new RunVerdict());
    }

    /// <summary>The cache the options and environment select, or null when it is off.</summary>
    public static FileResultCache? Open(ParseResult parse, CliContext context) =>
        CodemodRun.OpenCache(SettingsResolver.Layers(parse, null, context.Environment, context.Environment.CurrentDirectory).CacheDirectory().Value, context);

    private static string Mib(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:0.0} MiB");
}
