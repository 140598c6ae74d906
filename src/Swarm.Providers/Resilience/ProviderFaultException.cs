using System.Net;
using Polly.CircuitBreaker;
using Swarm.Domain.Time;
using Swarm.Workflows.Agents;
using Swarm.Workflows.Models;

namespace Swarm.Providers.Resilience;

/// <summary>
/// One failed attempt, classified from what the wire said (status, <c>Retry-After</c>) rather than from each SDK's
/// exception types, so every vendor is retried by the same rules.
/// </summary>
public sealed class ProviderFaultException : Exception
{
    ProviderFaultException(ProviderRoute route, string reason, bool transient, HttpStatusCode? status, TimeSpan? retryAfter, Exception? cause)
        : base($"{route}: {reason}", cause)
    {
        Route = route;
        Reason = reason;
        IsTransient = transient;
        Status = status;
        RetryAfter = retryAfter;
    }

    public ProviderFaultException()
    {
        Route = new ProviderRoute("unknown", "unknown");
        Reason = "unknown";
    }

    public ProviderFaultException(string message)
        : base(message)
    {
        Route = new ProviderRoute("unknown", "unknown");
        Reason = message;
    }

    public ProviderFaultException(string message, Exception innerException)
        : base(message, innerException)
    {
        Route = new ProviderRoute("unknown", "unknown");
        Reason = message;
    }

    public ProviderRoute Route { get; }

    /// <summary>What went wrong, in a sentence fit for a task's failure reason: status and vendor message, never a key.</summary>
    public string Reason { get; }

    /// <summary>True for faults that may pass: 408, 409, 429, 5xx, connection failures and timeouts.</summary>
    public bool IsTransient { get; }

    public HttpStatusCode? Status { get; }

    public TimeSpan? RetryAfter { get; }

    /// <summary>Classifies an SDK's exception with what the observer saw on the wire during the attempt.</summary>
    /// <param name="secrets">The provider's key and header values, blanked out of vendor messages that echo them.</param>
    public static ProviderFaultException From(ProviderRoute route, Exception error, ProviderAttempt attempt, IReadOnlyCollection<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(attempt);
        if (error is ProviderFaultException fault)
        {
            return fault;
        }

        var status = attempt.Status is { } seen && (int)seen >= 400 ? seen : StatusOf(error);
        if (status is { } code)
        {
            var transient = code is HttpStatusCode.RequestTimeout or HttpStatusCode.Conflict or HttpStatusCode.TooManyRequests
                || (int)code >= 500;
            return new ProviderFaultException(route, $"HTTP {(int)code} ({code}): {FirstLine(Redact(error.Message, secrets))}", transient, code, attempt.RetryAfter, error);
        }

        // No error response: the connection failed, or the SDK could not read what came back.
        var connection = error is HttpRequestException or IOException || error.InnerException is HttpRequestException or IOException;
        return new ProviderFaultException(route, FirstLine(Redact(error.Message, secrets)), connection, null, null, error);
    }

    /// <summary>An attempt that had no answer (or, streaming, no first chunk) within the attempt timeout.</summary>
    public static ProviderFaultException TimedOut(ProviderRoute route, TimeSpan timeout) =>
        new(route, $"no answer within {ReadableDuration.Of(timeout)} (providers:{route.Provider}:attemptTimeoutSeconds).", true, null, null, null);

    /// <summary>Builds the fault the simulated provider raises: the same shape as a vendor's overload.</summary>
    public static ProviderFaultException Simulated(ProviderRoute route, HttpStatusCode status, string reason) =>
        new(route, $"HTTP {(int)status} ({status}): {reason}", true, status, null, null);

    /// <summary>The exception a caller of the provider stack sees: transient (a durable retry may help) or rejected (it will not).</summary>
    /// <param name="lastFault">
    /// The route's last failed attempt (<see cref="ProviderHealth.LastFault"/>): a call refused by the open breaker names it,
    /// since "the circuit is open" alone hides why (a refused connection, a 503).
    /// </param>
    public static ModelCallFailedException ToCallerError(ProviderRoute route, Exception error, string? lastFault = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        var cause = lastFault is null ? "" : $" (the last: {lastFault})";
        return error switch
        {
            ProviderFaultException { IsTransient: false } fault => new ModelCallRejectedException(fault.Message, fault),
            ProviderFaultException fault => new ModelCallFailedException(fault.Message, fault),
            BrokenCircuitException broken => new ModelCallFailedException(
                $"{route}: the circuit is open after repeated failures{cause}; calls resume after {ReadableDuration.Of(broken.RetryAfter ?? TimeSpan.Zero)}.", broken),
            ModelCallFailedException known => known,
            _ => new ModelCallFailedException($"{route}: {FirstLine(error.Message)}", error),
        };
    }

    static HttpStatusCode? StatusOf(Exception error) => error switch
    {
        HttpRequestException { StatusCode: { } code } => code,
        System.ClientModel.ClientResultException { Status: > 0 } result => (HttpStatusCode)result.Status,
        _ => null,
    };

    static string Redact(string message, IReadOnlyCollection<string> secrets) =>
        secrets.Where(s => s.Length >= 8).Aggregate(message, (text, secret) => text.Replace(secret, "[redacted]", StringComparison.Ordinal));

    /// <summary>The message on one line and at most 300 characters: SDKs put the vendor's own words after a blank line.</summary>
    static string FirstLine(string message)
    {
        var line = string.Join(' ', message.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= 300 ? line : line[..300] + "…";
    }
}
