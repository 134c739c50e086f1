using System.Diagnostics;
using Codemod.IntegrationTests.Git;
using Codemod.IntegrationTests.Infrastructure;

namespace Codemod.IntegrationTests.Cli;

/// <summary><c>apply -i</c> driven through a real terminal: keys in, screen out, files and commits checked on disk.</summary>
[LongRunning]
public sealed class InteractiveApplyTests
{
    private const string Source = "import os\n\nA = os.environ.get(\"A\")\nB = os.getenv(\"B\")\n";
    private const string Prompt = "Accept this site [y,n,a,d,q,e,?]?";

    [TmuxFact]
    public async Task Accepting_one_site_and_rejecting_the_other_writes_one_rewrite_keeps_import_os_and_compiles()
    {
        // Given a repository with a file holding two env sites
        using var repo = TempRepo.Create(new Dictionary<string, string> { ["pkg/a.py"] = Source });

        // When the first site is accepted and the second rejected, with --commit
        using var terminal = InteractiveTerminal.Start(repo.Path, "apply", "env-to-isolated", ".", "-i", "--commit");
        await terminal.WaitForAsync("(1/2) pkg/a.py:3 [environ-get]");
        await terminal.WaitForAsync(Prompt);
        terminal.Send("y");
        await terminal.WaitForAsync("(2/2) pkg/a.py:4 [getenv]");
        await terminal.WaitForAsync(Prompt, times: 2);
        terminal.Send("n");
        var code = await terminal.ExitCodeAsync();

        // Then the file has exactly the accepted rewrite, keeps `import os` for the rejected site, and compiles
        Assert.True(code == 0, terminal.Screen);
        var written = File.ReadAllText(repo.Directory.Combine("pkg/a.py"));
        Assert.Equal(1, Count(written, "get_env()"));
        Assert.Contains("import os\n", written, StringComparison.Ordinal);
        Assert.Contains("from shared.isolated_environment import get_env\n", written, StringComparison.Ordinal);
        Assert.Contains("A = get_env().get(\"A\")\n", written, StringComparison.Ordinal);
        Assert.Contains("B = os.getenv(\"B\")\n", written, StringComparison.Ordinal);
        AssertCompiles(repo.Directory.Combine("pkg/a.py"));
        Assert.Contains("review: 1 accepted, 1 rejected", terminal.Screen, StringComparison.Ordinal);

        // And the commit lists the rejected site
        var body = repo.Run("log", "-1", "--format=%b");
        Assert.Contains("Rejected in review (1):\n  pkg/a.py:4 getenv\n", body, StringComparison.Ordinal);
        Assert.Equal(string.Empty, repo.Status);
    }

    [TmuxFact]
    public async Task Rejecting_every_site_leaves_the_file_byte_identical_with_no_unused_import()
    {
        // Given the same file
        using var repo = TempRepo.Create(new Dictionary<string, string> { ["pkg/a.py"] = Source });

        // When both sites are rejected
        using var terminal = InteractiveTerminal.Start(repo.Path, "apply", "env-to-isolated", ".", "-i");
        await terminal.WaitForAsync(Prompt);
        terminal.Send("n");
        await terminal.WaitForAsync(Prompt, times: 2);
        terminal.Send("n");
        var code = await terminal.ExitCodeAsync();

        // Then nothing was written: no get_env import left behind, import os still there
        Assert.True(code == 0, terminal.Screen);
        Assert.Equal(Source, File.ReadAllText(repo.Directory.Combine("pkg/a.py")));
        Assert.Equal(string.Empty, repo.Status);
    }

    [TmuxFact]
    public async Task Quit_with_on_quit_discard_writes_nothing_even_after_accepting_a_site()
    {
        // Given the same file
        using var repo = TempRepo.Create(new Dictionary<string, string> { ["pkg/a.py"] = Source });

        // When the first site is accepted and then q, with --on-quit discard and --commit
        using var terminal = InteractiveTerminal.Start(repo.Path, "apply", "env-to-isolated", ".", "-i", "--on-quit", "discard", "--commit");
        await terminal.WaitForAsync(Prompt);
        terminal.Send("y");
        await terminal.WaitForAsync(Prompt, times: 2);
        terminal.Send("q");
        var code = await terminal.ExitCodeAsync();

        // Then the tree, the history and the tags are as they were
        Assert.True(code == 0, terminal.Screen);
        Assert.Contains("quit: nothing written (--on-quit discard)", terminal.Screen, StringComparison.Ordinal);
        Assert.Equal(Source, File.ReadAllText(repo.Directory.Combine("pkg/a.py")));
        Assert.Equal(string.Empty, repo.Status);
        Assert.Empty(repo.Tags);
    }

    [TmuxFact]
    public async Task Help_and_a_bad_key_ask_again_and_review_items_are_shown_with_what_to_do()
    {
        // Given a file with one site and one review item
        using var repo = TempRepo.Create(new Dictionary<string, string> { ["pkg/a.py"] = "import os\n\nA = os.environ.get(\"A\")\nT = os.environ[\"T\"]\n" });

        // When ? and x are pressed before y
        using var terminal = InteractiveTerminal.Start(repo.Path, "apply", "env-to-isolated", ".", "-i");
        await terminal.WaitForAsync(Prompt);
        terminal.Send("?");
        await terminal.WaitForAsync("e - edit this file's proposed text in $EDITOR");
        terminal.Send("x");
        await terminal.WaitForAsync("'x' is not an answer here: press ? for help");
        terminal.Send("y");
        var code = await terminal.ExitCodeAsync();

        // Then the site was written and the review item was shown with advice
        Assert.True(code == 0, terminal.Screen);
        Assert.Contains("review pkg/a.py:4 [environ-subscript-read]", terminal.Screen, StringComparison.Ordinal);
        Assert.Contains("rewrite these by hand", terminal.Screen, StringComparison.Ordinal);
        Assert.Contains("A = get_env().get(\"A\")", File.ReadAllText(repo.Directory.Combine("pkg/a.py")), StringComparison.Ordinal);
    }

    [TmuxFact]
    public async Task Edit_replaces_the_files_proposal_with_the_edited_text_when_it_compiles()
    {
        // Given the same file and an editor (a script) that adds a default to the first rewrite
        using var repo = TempRepo.Create(new Dictionary<string, string> { ["pkg/a.py"] = Source });
        using var tools = new TempDirectory();
        var editor = tools.Write("edit.sh", "#!/bin/sh\nsed -i 's/get_env().get(\"A\")/get_env().get(\"A\", \"a\")/' \"$1\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(editor, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        // When the first site is edited
        using var terminal = InteractiveTerminal.Start(repo.Path, new Dictionary<string, string> { ["EDITOR"] = editor, ["VISUAL"] = string.Empty }, "apply", "env-to-isolated", ".", "-i");
        await terminal.WaitForAsync(Prompt);
        terminal.Send("e");
        var code = await terminal.ExitCodeAsync();

        // Then the edited text is what was written, and it compiles
        Assert.True(code == 0, terminal.Screen);
        Assert.Contains("edited text taken for pkg/a.py", terminal.Screen, StringComparison.Ordinal);
        var written = File.ReadAllText(repo.Directory.Combine("pkg/a.py"));
        Assert.Contains("A = get_env().get(\"A\", \"a\")\n", written, StringComparison.Ordinal);
        Assert.Contains("B = get_env().get(\"B\")\n", written, StringComparison.Ordinal);
        AssertCompiles(repo.Directory.Combine("pkg/a.py"));
    }

    [Fact]
    public async Task Interactive_apply_with_stdin_redirected_is_refused_with_one_line_and_exit_2()
    {
        using var repo = TempRepo.Create(new Dictionary<string, string> { ["pkg/a.py"] = Source });

        var (code, stderr) = await CliProcess.RunAsync(repo.Path, null, "apply", "env-to-isolated", ".", "-i");

        Assert.Equal(2, code);
        Assert.Equal("codemod: error: -i needs a terminal to ask on, and stdin is redirected: run it in a terminal, or apply without -i", stderr.Trim());
        Assert.Equal(Source, File.ReadAllText(repo.Directory.Combine("pkg/a.py")));
    }

    private static int Count(string text, string what) => text.Split(what).Length - 1;

    // py_compile writes a .pyc; a prefix outside the repository keeps the work tree clean for the status checks.
    private static void AssertCompiles(string path)
    {
        using var cache = new TempDirectory();
        var info = new ProcessStartInfo("python3", ["-m", "py_compile", path]) { RedirectStandardError = true, UseShellExecute = false };
        info.Environment["PYTHONPYCACHEPREFIX"] = cache.Path;
        using var python = Process.Start(info)!;
        var error = python.StandardError.ReadToEnd();
        python.WaitForExit();
        Assert.True(python.ExitCode == 0, error);
    }
}
