namespace Swarm.Workflows.Tools;

/// <summary>Which tools one model call is offered: those the agent's patterns allow, without the delegating ones when <paramref name="Delegation"/> is off.</summary>
/// <param name="Patterns">The agent's configured tool patterns.</param>
/// <param name="Delegation">Whether <see cref="BuiltInTools.Delegating"/> tools are offered; off for an agent answering another's question.</param>
public sealed record ToolOffer(IReadOnlyList<string> Patterns, bool Delegation)
{
    public bool Allows(string tool) =>
        Domain.Agents.ToolPatterns.Allows(Patterns, tool) && (Delegation || !BuiltInTools.Delegating.Contains(tool, StringComparer.Ordinal));

    /// <summary>Whether any pattern could match a tool served from outside, so the servers are worth listing.</summary>
    public bool MayUseServerTools => Patterns.Any(p => p.EndsWith('*')
        ? ToolNames.ServerPrefix.StartsWith(p[..^1], StringComparison.Ordinal) || p.StartsWith(ToolNames.ServerPrefix, StringComparison.Ordinal)
        : p.StartsWith(ToolNames.ServerPrefix, StringComparison.Ordinal));
}
