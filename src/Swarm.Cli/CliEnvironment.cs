using Spectre.Console;
using Swarm.Cli.Profiles;

namespace Swarm.Cli;

/// <summary>
/// What a command reads and writes outside itself: the terminal (tables and live views), standard output for
/// <c>--json</c>, standard error, standard input, the environment and the profiles file. Tests give their own.
/// </summary>
sealed class CliEnvironment
{
    public required IAnsiConsole Terminal { get; init; }

    public required TextWriter Output { get; init; }

    public required TextWriter Error { get; init; }

    public required TextReader Input { get; init; }

    /// <summary>Whether standard input is a terminal a secret can be typed at (hidden), rather than a pipe.</summary>
    public bool InputIsInteractive { get; init; }

    public required Func<string, string?> Variable { get; init; }

    public required ProfileStore Profiles { get; init; }

    /// <summary>The process's own console, sized to the terminal (or to <c>COLUMNS</c> when set, as when output is piped).</summary>
    public static CliEnvironment FromProcess()
    {
        var terminal = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = Console.IsOutputRedirected ? AnsiSupport.No : AnsiSupport.Detect,
            Interactive = Console.IsOutputRedirected ? InteractionSupport.No : InteractionSupport.Detect,
            Out = new AnsiConsoleOutput(Console.Out),
        });
        if (int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var columns) && columns > 0)
        {
            terminal.Profile.Width = columns;
        }

        return new CliEnvironment
        {
            Terminal = terminal,
            Output = Console.Out,
            Error = Console.Error,
            Input = Console.In,
            InputIsInteractive = !Console.IsInputRedirected,
            Variable = Environment.GetEnvironmentVariable,
            Profiles = ProfileStore.FromEnvironment(Environment.GetEnvironmentVariable),
        };
    }
}
