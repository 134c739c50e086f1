using Codemod.Core.Discovery;
using Codemod.Core.Settings;

namespace Codemod.Tests.Core;

public sealed class FileDiscovererTests
{
    private sealed class NoGit : IFileLister
    {
        public IReadOnlyList<string>? ListFiles(string root) => null;
    }

    private sealed class FixedList(params string[] files) : IFileLister
    {
        public IReadOnlyList<string>? ListFiles(string root) => files;
    }

    [Fact]
    public void Walk_outside_git_finds_python_files_sorted_and_skips_virtualenvs_and_caches()
    {
        using var folder = new TempFolder();
        folder.Write("b/z.py", "");
        folder.Write("a.py", "");
        folder.Write("b/readme.txt", "");
        folder.Write(".venv/lib/site.py", "");
        folder.Write("b/__pycache__/z.cpython-311.py", "");

        var files = new FileDiscoverer(new NoGit()).Discover(new RunSettings { Root = folder.Path });

        Assert.Equal(["a.py", "b/z.py"], files);
    }

    [Fact]
    public void Git_list_is_used_as_is_inside_a_work_tree()
    {
        using var folder = new TempFolder();

        var files = new FileDiscoverer(new FixedList("z.py", "a/b.py", "notes.md")).Discover(new RunSettings { Root = folder.Path });

        Assert.Equal(["a/b.py", "z.py"], files);
    }

    [Fact]
    public void Paths_limit_the_run_to_those_files_and_folders()
    {
        using var folder = new TempFolder();
        folder.Write("svc/a.py", "");
        folder.Write("svc2/b.py", "");
        folder.Write("c.py", "");

        var files = new FileDiscoverer(new FixedList("svc/a.py", "svc2/b.py", "c.py")).Discover(new RunSettings { Root = folder.Path, Paths = ["svc", "c.py"] });

        Assert.Equal(["c.py", "svc/a.py"], files);
    }

    [Fact]
    public void Include_and_exclude_globs_apply_after_discovery()
    {
        using var folder = new TempFolder();

        var files = new FileDiscoverer(new FixedList("app/a.py", "app/gen/b.py", "tests/t.py")).Discover(
            new RunSettings { Root = folder.Path, Includes = ["app/**/*.py"], Excludes = ["**/gen/**"] });

        Assert.Equal(["app/a.py"], files);
    }

    [Fact]
    public void Shards_partition_the_sorted_list_without_overlap()
    {
        using var folder = new TempFolder();
        var all = Enumerable.Range(0, 10).Select(i => $"m{i}.py").ToArray();
        var lister = new FixedList(all);

        var first = new FileDiscoverer(lister).Discover(new RunSettings { Root = folder.Path, Shard = new ShardSpec(1, 3) });
        var second = new FileDiscoverer(lister).Discover(new RunSettings { Root = folder.Path, Shard = new ShardSpec(2, 3) });
        var third = new FileDiscoverer(lister).Discover(new RunSettings { Root = folder.Path, Shard = new ShardSpec(3, 3) });

        Assert.Equal(all.Order(StringComparer.Ordinal), first.Concat(second).Concat(third).Order(StringComparer.Ordinal));
        Assert.Empty(first.Intersect(second));
    }

    [Fact]
    public void Missing_path_is_a_user_error_naming_it()
    {
        using var folder = new TempFolder();

        var error = Assert.Throws<UserError>(() => new FileDiscoverer(new NoGit()).Discover(new RunSettings { Root = folder.Path, Paths = ["nope"] }));

        Assert.Contains("'nope'", error.Message, StringComparison.Ordinal);
    }
}
