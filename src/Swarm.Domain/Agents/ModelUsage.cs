namespace Swarm.Domain.Agents;

/// <summary>What one task's model calls used: tokens as the provider counted them and cost by the price table.</summary>
public sealed record ModelUsage(long InputTokens, long OutputTokens, decimal CostUsd);
