using System.Text;
using Codemod.Core.Changes;
using Codemod.Core.Files;
using Codemod.Core.Transform;
using Codemod.IntegrationTests.Infrastructure;
using Codemod.Python;

namespace Codemod.IntegrationTests.Engine;

/// <summary>
/// One worker runs codemod after codemod (the steps of a plan, commands taking over a warm worker): what one codemod
/// leaves in LibCST's per-class state must not change what the next one does.
/// </summary>
public sealed class CodemodSequenceTests
{
    [Theory]
    [InlineData(WorkerHostKind.Python)]
    [InlineData(WorkerHostKind.Pythonnet)]
    public async Task Redirect_imports_after_libcsts_own_rename_command_in_the_same_worker_rewrites_the_import(WorkerHostKind host)
    {
        // Given one worker that has just run LibCST's RenameCommand, which redirect-imports builds on
        using var dir = new TempDirectory();
        await using var pool = new WorkerPool(new PythonSettings("python3", [PythonSettings.BundledCodemodDirectory], TimeSpan.FromSeconds(60), 1) { WorkingDirectory = dir.Path, Host = host });
        var renamed = await TransformAsync(pool, "libcst.codemod.commands.rename.RenameCommand", "from legacy.store import Store\n", ("old_name", "legacy.store.Store"), ("new_name", "core.store.Store"));
        Assert.Equal(OutcomeKind.Changed, renamed.Kind);

        // When redirect-imports runs next in that worker
        var redirected = await TransformAsync(pool, "redirect-imports", "from legacy.store import Store\n\nSTORE = Store()\n", ("from", "legacy.store.Store"), ("to", "core.store.Store"));

        // Then it rewrote the import (it used to fail with KeyError: ScopeProvider, given only RenameCommand's metadata)
        Assert.True(redirected.Kind == OutcomeKind.Changed, redirected.Reason);
        Assert.Equal("from core.store import Store\n\nSTORE = Store()\n", Encoding.UTF8.GetString(redirected.NewBytes!));
    }

    private static Task<FileOutcome> TransformAsync(WorkerPool pool, string codemod, string source, params (string Name, string Value)[] arguments) =>
        pool.TransformAsync(
            new TransformRequest(
                SourceFile.FromBytes("app/module.py", "app/module.py", Encoding.UTF8.GetBytes(source)),
                codemod,
                arguments.ToDictionary(a => a.Name, a => (IReadOnlyList<string>)[a.Value]),
                new Dictionary<string, byte[]>()),
            CancellationToken.None);
}
