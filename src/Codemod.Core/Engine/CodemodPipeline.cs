using System.Diagnostics;
using Codemod.Core.Cache;
using Codemod.Core.Changes;
using Codemod.Core.Discovery;
using Codemod.Core.Files;
using Codemod.Core.Progress;
using Codemod.Core.Settings;
using Codemod.Core.Transform;

namespace Codemod.Core.Engine;

/// <summary>
/// Discover → read and classify → prefilter → result cache → transform: turns settings and a codemod into a sorted
/// <see cref="ChangeSet"/>. Writes no project file. With a cache, a file whose outcome is known never reaches a worker,
/// and workers start only when the first file misses. An <paramref name="overlay"/> (new bytes by '/'-separated path
/// relative to the root) stands in for the content of those files: a plan's dry run feeds each step the earlier steps'
/// output this way without writing the tree. <paramref name="excluded"/> (lines by path) names sites the codemod must
/// leave as they are: the sites a reviewer rejected in an interactive apply.
/// </summary>
public sealed class CodemodPipeline(ITransformRunner runner, IFileLister lister, ResultCacheScope? cache = null, IReadOnlyDictionary<string, byte[]>? overlay = null, IReadOnlyDictionary<string, IReadOnlySet<int>>? excluded = null)
{
    public async Task<ChangeSet> RunAsync(
        RunSettings settings,
        CodemodInfo codemod,
        IReadOnlyDictionary<string, IReadOnlyList<string>> arguments,
        IFileProgress? progress,
        CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var paths = new FileDiscoverer(lister).Discover(settings);
        var tokens = codemod.PrefilterFromArgs
            ? await PrefilterTokensAsync(codemod, arguments, cancellationToken).ConfigureAwait(false)
            : codemod.Prefilter;
        var prefilter = new Prefilter(tokens);
        var context = ContextModules(settings.Root, codemod, arguments, overlay);
        var classifier = new FileClassifier(settings.MaxFileSize, settings.GeneratedMarker);
        var outcomes = await FileFanOut.RunAsync(paths, settings.Jobs, progress, ProcessAsync, o => ProgressKind(o.Kind), cancellationToken).ConfigureAwait(false);
        var files = ChangedModuleReviews.Resolve(ChangeSet.Sort(outcomes));
        return new ChangeSet(codemod.Name, codemod.Version, arguments, files, Stopwatch.GetElapsedTime(started));

        async Task<FileOutcome> ProcessAsync(string relativePath, int slot, CancellationToken token)
        {
            var (file, early) = classifier.Read(settings.Root, relativePath, overlay?.GetValueOrDefault(relativePath));
            if (early is not null)
            {
                return early;
            }

            if (!prefilter.Accepts(file!.Bytes))
            {
                return FileOutcome.NotApplicable(relativePath);
            }

            // A formatter's output depends on a program outside the key (its version, its configuration): such runs are
            // not cached; nor are runs with excluded lines, which answer one review, not the next run.
            var excludedLines = excluded?.GetValueOrDefault(relativePath);
            var key = settings.Formatter is null && excludedLines is not { Count: > 0 } ? cache?.TransformKey(file, codemod, arguments, context) : null;
            if (key is not null && cache!.TryGetOutcome(key, file) is { } known)
            {
                return known;
            }

            progress?.Started(slot, relativePath);
            var result = await runner.TransformAsync(new TransformRequest(file, codemod.Name, arguments, context) { Formatter = settings.Formatter, ExcludedLines = excludedLines ?? new HashSet<int>() }, token).ConfigureAwait(false);
            if (key is not null)
            {
                cache!.PutOutcome(key, result);
            }

            return result.Kind == OutcomeKind.Changed ? result : result with { OriginalBytes = null, NewBytes = null };
        }
    }

    private static FileProgressKind ProgressKind(OutcomeKind kind) => kind switch
    {
        OutcomeKind.Changed => FileProgressKind.Changed,
        OutcomeKind.Failed => FileProgressKind.Failed,
        OutcomeKind.Skipped or OutcomeKind.NotApplicable => FileProgressKind.Skipped,
        _ => FileProgressKind.Done,
    };

    private async Task<IReadOnlyList<string>> PrefilterTokensAsync(CodemodInfo codemod, IReadOnlyDictionary<string, IReadOnlyList<string>> arguments, CancellationToken cancellationToken)
    {
        var key = cache?.PrefilterKey(codemod, arguments);
        if (key is not null && cache!.TryGetStrings(key) is { } known)
        {
            return known;
        }

        var tokens = await runner.PrefilterForAsync(codemod.Name, arguments, cancellationToken).ConfigureAwait(false);
        if (key is not null)
        {
            cache!.PutStrings(key, tokens);
        }

        return tokens;
    }

    // Workers never open project files: modules a codemod compares against (e.g. the canonical class) travel with each request.
    private static Dictionary<string, byte[]> ContextModules(string root, CodemodInfo codemod, IReadOnlyDictionary<string, IReadOnlyList<string>> arguments, IReadOnlyDictionary<string, byte[]>? overlay)
    {
        var modules = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var name in codemod.ContextArgNames)
        {
            if (!arguments.TryGetValue(name, out var values))
            {
                continue;
            }

            foreach (var value in values)
            {
                var file = ModuleLocator.FileOfQualifiedName(root, value);
                if (file is not null)
                {
                    modules[value[..value.LastIndexOf('.')]] = overlay?.GetValueOrDefault(file) ?? File.ReadAllBytes(Path.Combine(root, file));
                }
            }
        }

        return modules;
    }
}
