using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Swarm.Providers.Configuration;

namespace Swarm.Providers.Resilience;

/// <summary>
/// The Polly pipeline of one provider route, outermost first: retry (jittered exponential back-off, or the provider's
/// <c>Retry-After</c> when it sends one) → circuit breaker. Only transient faults (timeouts included) are retried and
/// counted by the breaker; a 400 or 401 fails at once. The attempt timeout is the caller's (see
/// <see cref="ResilientChatClient"/>), because a stream's attempt ends with its first chunk, not with a callback.
/// </summary>
public static partial class ProviderPipelines
{
    /// <summary>The longest computed back-off between in-call retries.</summary>
    const int BackoffCapSeconds = 10;

    /// <param name="logger">Where the breaker's opening is logged, with the failure that opened it.</param>
    public static ResiliencePipeline Build(ProviderCallSettings settings, ProviderHealth health, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(health);
        ArgumentNullException.ThrowIfNull(logger);
        var maxRetryAfter = TimeSpan.FromSeconds(settings.MaxRetryAfterSeconds);
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (settings.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = settings.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(settings.RetryDelayMs),
                // Back-off stays short; only a provider's own Retry-After may ask for longer (up to its cap, checked above).
                MaxDelay = TimeSpan.FromSeconds(Math.Max(BackoffCapSeconds, settings.MaxRetryAfterSeconds)),
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception switch
                {
                    // A pause longer than the cap is left to the fallback chain or a later durable retry.
                    ProviderFaultException { IsTransient: true, RetryAfter: { } wait } => wait <= maxRetryAfter,
                    ProviderFaultException fault => fault.IsTransient,
                    _ => false,
                }),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Exception is ProviderFaultException { RetryAfter: { } wait } ? (TimeSpan?)Max(wait, TimeSpan.Zero) : null),
            });
        }

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            FailureRatio = settings.Breaker.FailureRatio,
            MinimumThroughput = settings.Breaker.MinimumThroughput,
            SamplingDuration = TimeSpan.FromSeconds(settings.Breaker.SamplingSeconds),
            BreakDuration = TimeSpan.FromSeconds(settings.Breaker.BreakSeconds),
            StateProvider = health.Breaker,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is ProviderFaultException { IsTransient: true }),

            // Calls refused while it is open say only that; this line keeps the cause in the host's log.
            OnOpened = args =>
            {
                LogBreakerOpened(logger, health.Route.ToString(), args.BreakDuration.TotalSeconds, (args.Outcome.Exception as ProviderFaultException)?.Reason ?? args.Outcome.Exception?.Message);
                return ValueTask.CompletedTask;
            },
        });

        return builder.Build();
    }

    static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    [LoggerMessage(EventId = 1251, Level = LogLevel.Warning, Message = "{Route}: breaker opened after repeated failures; calls are refused for {BreakSeconds} s. The last failure: {Cause}")]
    static partial void LogBreakerOpened(ILogger logger, string route, double breakSeconds, string? cause);
}
