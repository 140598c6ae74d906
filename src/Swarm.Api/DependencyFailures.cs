using System.Net.Sockets;

namespace Swarm.Api;

/// <summary>
/// Recognises a failure of what the swarm depends on (storage, the durable runtime) however it arrives: the Azure SDK
/// gives up after its retries with an <see cref="AggregateException"/> of each attempt's error, Durable Task wraps the
/// SDK's exceptions in its own, and gRPC reports the sidecar's failures as <c>RpcException</c>. Such a request may
/// succeed later, so it is a 503 with Retry-After, not a 500.
/// </summary>
public static class DependencyFailures
{
    /// <summary>Seconds a client is asked to wait before retrying a request that met a failing dependency.</summary>
    public const int RetryAfterSeconds = 5;

    public static bool Is(Exception error) => error switch
    {
        null => false,
        Azure.RequestFailedException or TimeoutException or HttpRequestException or SocketException => true,
        _ when error.GetType().FullName is "Grpc.Core.RpcException" => true,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(Is),
        _ => error.InnerException is { } inner && Is(inner),
    };
}
