using Microsoft.Extensions.AI;
using Swarm.Domain.Agents;
using Swarm.Runtime.Configuration;
using Swarm.Workflows.Agents;

namespace Swarm.Runtime.Providers;

/// <summary>Maps an agent's provider type to its chat client.</summary>
public sealed class ChatClientProvider : IChatClientProvider, IDisposable
{
    /// <summary>The spec's provider types that later work adds; named here so the error can say so.</summary>
    static readonly string[] PlannedTypes = ["qwen", "openai", "claude", "local", "custom"];

    readonly SimulatedChatClient simulated;

    public ChatClientProvider(SwarmSettings settings, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        simulated = new SimulatedChatClient(TimeSpan.FromMilliseconds(settings.Providers.Simulated.LatencyMs), time);
    }

    /// <summary>Provider types this build can call.</summary>
    public static IReadOnlyList<string> SupportedTypes { get; } = [ProviderSettings.SimulatedType];

    public IChatClient GetClient(ProviderSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (string.Equals(settings.Type, ProviderSettings.SimulatedType, StringComparison.Ordinal))
        {
            return simulated;
        }

        throw new ProviderNotConfiguredException(PlannedTypes.Contains(settings.Type, StringComparer.Ordinal)
            ? $"Provider type '{settings.Type}' is not available in this build yet; supported: {string.Join(", ", SupportedTypes)}."
            : $"Unknown provider type '{settings.Type}'; supported: {string.Join(", ", SupportedTypes)}.");
    }

    public void Dispose() => simulated.Dispose();
}
