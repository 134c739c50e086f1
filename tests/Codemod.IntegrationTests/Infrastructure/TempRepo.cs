using Codemod.Git;

namespace Codemod.IntegrationTests.Infrastructure;

/// <summary>A real git repository in a temp folder, with a fixed identity so commits work on any machine.</summary>
public sealed class TempRepo : IDisposable
{
    private TempRepo(TempDirectory directory)
    {
        Directory = directory;
        Git = new GitCli(directory.Path);
    }

    public TempDirectory Directory { get; }

    public string Path => Directory.Path;

    public GitCli Git { get; }

    /// <summary>An initialised repository; <paramref name="files"/> (path → content) are committed as the first commit.</summary>
    public static TempRepo Create(IReadOnlyDictionary<string, string>? files = null)
    {
        var repo = new TempRepo(new TempDirectory());
        repo.Run("init", "-q", "-b", "main");
        repo.Run("config", "user.name", "Test User");
        repo.Run("config", "user.email", "test@example.com");
        repo.Run("config", "commit.gpgsign", "false");
        if (files is { Count: > 0 })
        {
            foreach (var (path, content) in files)
            {
                repo.Directory.Write(path, content);
            }

            repo.CommitAll("initial");
        }

        return repo;
    }

    /// <summary>A repository holding a copy of the bundled sample monorepo, committed.</summary>
    public static TempRepo FromSample()
    {
        var repo = Create();
        repo.Directory.CopyFrom(Paths.SampleMonorepo);
        repo.CommitAll("sample monorepo");
        return repo;
    }

    public string Run(params string[] arguments)
    {
        var result = Git.Run(arguments);
        return result.Succeeded ? result.StandardOutput : throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed: {result.StandardError}");
    }

    public void CommitAll(string message)
    {
        Run("add", "-A");
        Run("commit", "-q", "-m", message);
    }

    public string Head => Run("rev-parse", "HEAD").Trim();

    /// <summary>Tag names, sorted.</summary>
    public IReadOnlyList<string> Tags => [.. Run("tag", "--list").Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal)];

    /// <summary><c>git status --porcelain</c>, untracked files included: empty when the tree is clean.</summary>
    public string Status => Run("status", "--porcelain=v1", "--untracked-files=all");

    /// <summary>An executable hook script in .git/hooks.</summary>
    public void WriteHook(string name, string script)
    {
        var path = Directory.Write(System.IO.Path.Combine(".git", "hooks", name), "#!/bin/sh\n" + script + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public void Dispose() => Directory.Dispose();
}
