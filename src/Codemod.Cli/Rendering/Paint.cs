namespace Codemod.Cli.Rendering;

/// <summary>ANSI colouring that is a no-op when colour is off (NO_COLOR, --color never, redirected output).</summary>
internal sealed class Paint(bool enabled)
{
    public bool Enabled { get; } = enabled;

    public string Red(string text) => Wrap("31", text);

    public string Green(string text) => Wrap("32", text);

    public string Yellow(string text) => Wrap("33", text);

    public string Cyan(string text) => Wrap("36", text);

    public string Bold(string text) => Wrap("1", text);

    public string Dim(string text) => Wrap("2", text);

    private string Wrap(string code, string text) => Enabled ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
