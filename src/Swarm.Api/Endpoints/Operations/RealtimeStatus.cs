using Swarm.Application.Configuration;

namespace Swarm.Api.Endpoints.Operations;

/// <summary>The real-time channel as the system endpoints show it: on or off, and its hub when on.</summary>
public sealed record RealtimeStatus(bool Active, string? Hub)
{
    public static RealtimeStatus Of(RealtimeSettings realtime)
    {
        ArgumentNullException.ThrowIfNull(realtime);
        return new(realtime.Active, realtime.Active ? realtime.Hub : null);
    }
}
