namespace Codemod.Cli.Interactive;

/// <summary>Single key presses from the terminal, without echo and without waiting for Enter.</summary>
internal sealed class ConsoleKeyReader : IKeyReader
{
    public async Task<char> ReadKeyAsync(CancellationToken cancellationToken)
    {
        // Console.ReadKey cannot be cancelled: a SIGINT would leave the process waiting for a key. Polling lets the
        // signal's cancellation end the review at once.
        while (!Console.KeyAvailable)
        {
            await Task.Delay(25, cancellationToken).ConfigureAwait(false);
        }

        return Console.ReadKey(intercept: true).KeyChar;
    }
}
