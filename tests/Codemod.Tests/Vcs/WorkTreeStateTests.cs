using Codemod.Core.Settings;
using Codemod.Core.Vcs;

namespace Codemod.Tests.Vcs;

public sealed class WorkTreeStateTests
{
    private static readonly GitStatusEntry Untracked = new("new.py", '?', '?');
    private static readonly GitStatusEntry Modified = new("a.py", ' ', 'M');
    private static readonly GitStatusEntry Staged = new("b.py", 'M', ' ');

    [Fact]
    public void An_empty_status_is_clean_either_way()
    {
        var state = WorkTreeState.Of([]);

        Assert.True(state.IsClean(includeUntracked: true));
        Assert.True(state.IsClean(includeUntracked: false));
    }

    [Fact]
    public void Untracked_files_make_the_tree_dirty_only_when_they_count()
    {
        var state = WorkTreeState.Of([Untracked]);

        Assert.False(state.IsClean(includeUntracked: true));
        Assert.True(state.IsClean(includeUntracked: false));
        Assert.False(state.HasStagedChanges);
    }

    [Fact]
    public void A_modified_tracked_file_is_dirty_and_only_a_staged_one_is_a_staged_change()
    {
        Assert.False(WorkTreeState.Of([Modified]).IsClean(includeUntracked: false));
        Assert.False(WorkTreeState.Of([Modified]).HasStagedChanges);
        Assert.True(WorkTreeState.Of([Modified, Staged]).HasStagedChanges);
        Assert.Equal(["a.py", "b.py"], WorkTreeState.Of([Modified, Staged]).Dirty(includeUntracked: false).Select(e => e.Path));
    }

    [Fact]
    public void A_failed_status_is_never_clean_it_throws_what_git_said()
    {
        var state = WorkTreeState.Failed(new GitFailure("status", 128, "fatal: not a git repository"));

        var error = Assert.Throws<UserError>(() => state.IsClean(includeUntracked: true));
        Assert.Contains("fatal: not a git repository", error.Message, StringComparison.Ordinal);
        Assert.Throws<UserError>(() => state.HasStagedChanges);
    }

    [Fact]
    public void Describe_names_three_paths_and_the_count()
    {
        GitStatusEntry[] dirty = [Modified, Staged, Untracked, new("c.py", 'A', ' ')];

        Assert.Equal("4 path(s): a.py, b.py, new.py, ...", WorkTreeState.Describe(dirty));
    }
}
