namespace Swarm.LocalHost.Durable;

/// <summary>Where this process's durable sidecar listens (see <see cref="DurableClientSocket"/>); registered in the host's services.</summary>
public sealed record DurableSocketPath(string Value);
