using Azure.Core;

namespace Swarm.Adapters.Storage;

/// <summary>
/// How long one storage call may keep trying. The Azure SDK's defaults (3 retries from 0.8 s, exponential, and a 100 s
/// network timeout per try) make a request that meets a storage outage wait 5.5 s per call when connections are refused,
/// and minutes when they hang, before the client learns anything. Requests are better answered 503 with Retry-After
/// within seconds, and workflow activities have durable retries of their own, so a call gives up sooner.
/// </summary>
public static class StorageRetries
{
    /// <summary>Retries after the first try: a brief blip (a throttled or dropped request) is still ridden out.</summary>
    public const int MaxRetries = 2;

    /// <summary>The first back-off; exponential and jittered by the SDK, so the two retries wait about 0.2 s and 0.4 s.</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(200);

    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(1);

    /// <summary>One try that sends and gets no answer within this long is abandoned (and retried while tries remain).</summary>
    public static readonly TimeSpan NetworkTimeout = TimeSpan.FromSeconds(4);

    /// <summary>Applies the bounds to a storage client's options (tables, queues, blobs) and returns them.</summary>
    public static T Bounded<T>(T options)
        where T : ClientOptions
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = MaxRetries;
        options.Retry.Delay = Delay;
        options.Retry.MaxDelay = MaxDelay;
        options.Retry.NetworkTimeout = NetworkTimeout;
        return options;
    }
}
