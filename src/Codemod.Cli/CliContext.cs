using System.Text;
using Codemod.Cli.Options;

namespace Codemod.Cli;

/// <summary>Where a command writes (stdout carries data, stderr carries progress and errors) and the environment it runs in.</summary>
internal sealed class CliContext(Stream output, TextWriter error, EnvironmentSnapshot environment)
{
    public Stream OutputStream { get; } = output;

    public TextWriter Output { get; } = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { AutoFlush = false };

    public TextWriter Error { get; } = error;

    public EnvironmentSnapshot Environment { get; } = environment;

    /// <summary>The clock behind run ids, tags and BREAKING_CHANGES.md dates; tests replace it.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    public static CliContext FromConsole() =>
        new(Console.OpenStandardOutput(), new StreamWriter(Console.OpenStandardError(), new UTF8Encoding(false)) { AutoFlush = true }, EnvironmentSnapshot.Read());
}
