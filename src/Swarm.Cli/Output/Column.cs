namespace Swarm.Cli.Output;

/// <summary>One column of a table: its header and the dotted path of the value in each item (<c>presence.connected</c>).</summary>
sealed record Column(string Header, string Path);
