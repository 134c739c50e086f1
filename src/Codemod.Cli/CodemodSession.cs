using Codemod.Core.Changes;
using Codemod.Core.Engine;
using Codemod.Core.Settings;
using Codemod.Core.Transform;
using Codemod.Git;
using Codemod.Python;

namespace Codemod.Cli;

/// <summary>Wires the engine by hand for one command: a worker pool, git-based discovery and the pipeline.</summary>
internal sealed class CodemodSession(PythonSettings python) : IAsyncDisposable
{
    public WorkerPool Runner { get; } = new(python);

    public Task<IReadOnlyDictionary<string, string>> VersionsAsync(CancellationToken cancellationToken) => Runner.GetVersionsAsync(cancellationToken);

    /// <summary>The codemod named by the user, with its arguments checked against its declared parameters.</summary>
    public async Task<CodemodInfo> ResolveAsync(string name, IReadOnlyDictionary<string, IReadOnlyList<string>> arguments, CancellationToken cancellationToken, IReadOnlyList<string>? formatter = null)
    {
        var codemods = await Runner.ListCodemodsAsync(cancellationToken).ConfigureAwait(false);
        var codemod = codemods.FirstOrDefault(c => c.Name == name)
            ?? (name.Contains('.', StringComparison.Ordinal) ? await Runner.DescribeAsync(name, cancellationToken).ConfigureAwait(false) : null)
            ?? throw new UserError($"unknown codemod '{name}': known are {string.Join(", ", codemods.Select(c => c.Name).Order(StringComparer.Ordinal))}, or a dotted path to a CodemodCommand class (see `codemod list`)");
        foreach (var argument in arguments.Keys.Where(a => codemod.Parameters.All(p => p.Name != a)))
        {
            throw new UserError($"codemod '{name}' has no parameter '{argument}': it takes {string.Join(", ", codemod.Parameters.Select(p => p.Name))}");
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
        await Runner.CheckArgumentsAsync(codemod.Name, arguments, formatter, cancellationToken).ConfigureAwait(false);
        return codemod;
    }

    public Task<ChangeSet> RunAsync(RunSettings settings, CodemodInfo codemod, IReadOnlyDictionary<string, IReadOnlyList<string>> arguments, IProgress<FileOutcome>? progress, CancellationToken cancellationToken) =>
        new CodemodPipeline(Runner, new GitFileLister()).RunAsync(settings, codemod, arguments, progress, cancellationToken);

    public ValueTask DisposeAsync() => Runner.DisposeAsync();
}
