namespace Swarm.Cli.Output;

/// <summary>
/// One column of a table: its header, the dotted path of the value in each item (<c>presence.connected</c>), and how
/// to shorten the value for a cell, if it should be (a timeline's instants as times of day).
/// </summary>
sealed record Column(string Header, string Path, Func<string, string>? Format = null);
