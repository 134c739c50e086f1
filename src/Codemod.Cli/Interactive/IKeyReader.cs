namespace Codemod.Cli.Interactive;

/// <summary>Where the review's answers come from: the terminal in production, a script in tests.</summary>
internal interface IKeyReader
{
    /// <summary>The next key pressed, as typed; cancellation (a signal) ends the wait.</summary>
    Task<char> ReadKeyAsync(CancellationToken cancellationToken);
}
