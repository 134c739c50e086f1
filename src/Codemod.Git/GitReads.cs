namespace Codemod.Git;

/// <summary>How <see cref="GitRepository"/> reads history: in-process through LibGit2Sharp (default), or through the git CLI only.</summary>
public enum GitReads
{
    /// <summary>LibGit2Sharp; a read it cannot do (an unsupported repository extension, a missing native library) falls back to the CLI.</summary>
    InProcess,

    /// <summary>The git CLI for every read (CODEMOD_GIT_READS=cli): the reference behaviour, and a way out should libgit2 misread a repository.</summary>
    Cli,
}
