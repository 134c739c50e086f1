using Codemod.Core.Cache;
using Codemod.Core.Changes;
using Codemod.Core.Engine;
using Codemod.Core.Progress;
using Codemod.Core.Scan;
using Codemod.Core.Settings;
using Codemod.Core.Transform;
using Codemod.Git;
using Codemod.Python;

namespace Codemod.Cli;

/// <summary>
/// Wires the engine by hand for one command: a worker pool, git-based discovery, the pipelines and, when given, the
/// result cache. Workers start on the first request that needs one: with a cache that answers everything (the codemod
/// list included), none starts at all.
/// </summary>
internal sealed class CodemodSession(PythonSettings python, FileResultCache? cache = null) : IAsyncDisposable
{
    private readonly Lazy<RuntimeFingerprint?> _runtime = new(() => cache is null ? null : RuntimeFingerprint.Probe(python));

    public WorkerPool Runner { get; } = python.Pools?.Rent(python) ?? new WorkerPool(python);

    public async Task<IReadOnlyDictionary<string, string>> VersionsAsync(CancellationToken cancellationToken) =>
        _runtime.Value?.Versions ?? await Runner.GetVersionsAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// The codemod named by the user, with its arguments checked against its declared parameters; <c>origins</c> says
    /// where arguments that came from the project's configuration were written ("pyproject.toml:12"), so a mistake there
    /// is reported at that line.
    /// </summary>
    public async Task<CodemodInfo> ResolveAsync(string name, IReadOnlyDictionary<string, IReadOnlyList<string>> arguments, CancellationToken cancellationToken, IReadOnlyList<string>? formatter = null, IReadOnlyDictionary<string, string>? origins = null)
    {
        var codemods = await ListAsync(cancellationToken).ConfigureAwait(false);
        var codemod = codemods.FirstOrDefault(c => c.Name == name)
            ?? (name.Contains('.', StringComparison.Ordinal) ? await Runner.DescribeAsync(name, cancellationToken).ConfigureAwait(false) : null)
            ?? throw new UserError($"unknown codemod '{name}': known are {string.Join(", ", codemods.Select(c => c.Name).Order(StringComparer.Ordinal))}, or a dotted path to a CodemodCommand class (see `codemod list`)");
        foreach (var argument in arguments.Keys.Where(a => codemod.Parameters.All(p => p.Name != a)))
        {
            var parameters = string.Join(", ", codemod.Parameters.Select(p => p.Name));
            throw new UserError(origins?.GetValueOrDefault(argument) is { } origin
                ? $"{origin}: codemod '{name}' has no parameter '{argument}'{(Options.UnknownOptions.Closest(argument, codemod.Parameters.Select(p => p.Name)) is { } closest ? $": did you mean '{closest}'?" : string.Empty)} (it takes {parameters})"
                : $"codemod '{name}' has no parameter '{argument}': it takes {parameters}");
        }

        foreach (var parameter in codemod.Parameters.Where(p => p.Required && !arguments.ContainsKey(p.Name)))
        {
            throw new UserError($"codemod '{name}' needs --arg {parameter.Name}=VALUE ({parameter.Help})");
        }

        foreach (var (parameter, values) in arguments)
        {
            if (values.Count > 1 && !codemod.Parameters.First(p => p.Name == parameter).Multiple)
            {
                throw new UserError($"codemod '{name}' takes one value for '{parameter}', got {values.Count}: pass --arg {parameter}=... once");
            }
        }

        // The codemod's own checks (a dotted module name, a date) run once here: a bad value is one usage error, not a
        // failure of every file.
        await CheckArgumentsAsync(codemod, arguments, formatter, cancellationToken).ConfigureAwait(false);
        return codemod;
    }

    public Task<ChangeSet> RunAsync(RunSettings settings, CodemodInfo codemod, IReadOnlyDictionary<string, IReadOnlyList<string>> arguments, IFileProgress? progress, CancellationToken cancellationToken) =>
        new CodemodPipeline(Runner, new GitFileLister(), Scope(arguments, codemod)).RunAsync(settings, codemod, arguments, progress, cancellationToken);

    /// <summary>
    /// One file run again with the sites on <paramref name="excludedLines"/> left as they are (the sites rejected in an
    /// interactive apply), through the same pipeline: same reading, context modules, formatter and gates.
    /// </summary>
    public async Task<FileOutcome> RerunAsync(RunSettings settings, CodemodInfo codemod, IReadOnlyDictionary<string, IReadOnlyList<string>> arguments, string path, IReadOnlySet<int> excludedLines, CancellationToken cancellationToken)
    {
        var excluded = new Dictionary<string, IReadOnlySet<int>>(StringComparer.Ordinal) { [path] = excludedLines };
        // No shard: a one-file list would be sharded again and could lose the file.
        var changes = await new CodemodPipeline(Runner, new GitFileLister(), Scope(arguments, codemod), excluded: excluded)
            .RunAsync(settings with { Paths = [path], Shard = null }, codemod, arguments, null, cancellationToken).ConfigureAwait(false);
        return changes.Files.FirstOrDefault(f => f.Path == path)
            ?? FileOutcome.Fail(path, "the file is no longer there: it was moved, deleted or excluded during the review");
    }

    public Task<ProjectScan> ScanAsync(RunSettings settings, IReadOnlyDictionary<string, IReadOnlyList<string>> arguments, IFileProgress? progress, CancellationToken cancellationToken) =>
        new ScanPipeline(Runner, new GitFileLister(), Scope(arguments)).RunAsync(settings, arguments, progress, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (python.Pools is { } pools)
        {
            await pools.ReturnAsync(Runner).ConfigureAwait(false);
        }
        else
        {
            await Runner.DisposeAsync().ConfigureAwait(false);
        }

        if (cache is { BytesWritten: > 0 })
        {
            cache.Trim();
        }
    }

    // The codemod list is what a worker answers first; cached under the runtime's fingerprint, a warm run needs no worker.
    private async Task<IReadOnlyList<CodemodInfo>> ListAsync(CancellationToken cancellationToken)
    {
        if (cache is null || _runtime.Value is not { } runtime)
        {
            return await Runner.ListCodemodsAsync(cancellationToken).ConfigureAwait(false);
        }

        var scope = new ResultCacheScope(cache, runtime.Value);
        using var key = new CacheKeyBuilder("list/1");
        var listKey = key.Add(runtime.Value).Build();
        if (scope.TryGetCodemods(listKey) is { Count: > 0 } known)
        {
            return known;
        }

        var codemods = await Runner.ListCodemodsAsync(cancellationToken).ConfigureAwait(false);
        scope.PutCodemods(listKey, codemods);
        return codemods;
    }

    // Arguments a codemod accepted once under this runtime's fingerprint are accepted again: a warm run needs no
    // worker. A formatter is looked up on PATH by the check, which the fingerprint does not cover: always checked.
    private async Task CheckArgumentsAsync(CodemodInfo codemod, IReadOnlyDictionary<string, IReadOnlyList<string>> arguments, IReadOnlyList<string>? formatter, CancellationToken cancellationToken)
    {
        if (formatter is not null || cache is null || _runtime.Value is not { } runtime)
        {
            await Runner.CheckArgumentsAsync(codemod.Name, arguments, formatter, cancellationToken).ConfigureAwait(false);
            return;
        }

        var scope = new ResultCacheScope(cache, runtime.Value);
        using var key = new CacheKeyBuilder("check/1");
        var checkKey = key.Add(runtime.Value).Add(codemod.Name).Add(codemod.Version).Add(arguments).Build();
        if (scope.TryGetStrings(checkKey) is not null)
        {
            return;
        }

        await Runner.CheckArgumentsAsync(codemod.Name, arguments, formatter, cancellationToken).ConfigureAwait(false);
        scope.PutStrings(checkKey, ["accepted"]);
    }

    private ResultCacheScope? Scope(IReadOnlyDictionary<string, IReadOnlyList<string>> arguments, CodemodInfo? codemod = null)
    {
        if (cache is null || _runtime.Value is not { } runtime)
        {
            return null;
        }

        using var key = new CacheKeyBuilder("run/1");
        key.Add(runtime.Value).Add(ArgumentFiles.Fingerprint(arguments, python.WorkingDirectory ?? AppContext.BaseDirectory));
        // The worker's own notion of today: local time, as Python's date.today().
        if (codemod is not null && DateDependence.KeyPart(codemod, arguments, DateOnly.FromDateTime(DateTime.Now)) is { } date)
        {
            key.Add(date);
        }

        return new ResultCacheScope(cache, key.Build());
    }
}
