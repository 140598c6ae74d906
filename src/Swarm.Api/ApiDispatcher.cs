using System.Globalization;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Swarm.Api.Endpoints.Realtime;
using Swarm.Application.Audit;
using Swarm.Application.Configuration;
using Swarm.Application.Security;
using Swarm.Application.Security.RateLimiting;
using Swarm.Workflows;

namespace Swarm.Api;

/// <summary>
/// The one pipeline every request goes through in both hosts: authenticate, rate-limit the caller, authorize against
/// the route's declared permission, run the handler, audit, and turn every failure into problem details. Nothing
/// reaches a handler without the permission; no exception text reaches a client.
/// </summary>
/// <remarks>
/// Auditing: every refused request (401, 403, 429) is recorded fail-open, since refusing is already the safe answer.
/// Every state-changing request (any method but GET) is recorded fail-closed after its handler ran: if the record
/// cannot be written the client gets a 503, not a success that left no trace. The one exception is a route declared
/// <see cref="ApiRoute.AuditedWhenAccepted"/> false (heartbeats): its successes are not recorded, its refusals are.
/// </remarks>
public sealed partial class ApiDispatcher(
    IServiceProvider services,
    BearerTokenAuthenticator authenticator,
    ChannelServiceAuthenticator channelService,
    PrincipalRateLimiter rateLimiter,
    RoleGrants roleGrants,
    SwarmSettings settings,
    IAuditTrail audit,
    TimeProvider time,
    ApiRequestMetrics metrics,
    ILoggerFactory loggers)
{
    /// <summary>A request slower than this is logged as a performance event (<see cref="LogSlowRequest"/>).</summary>
    public static readonly TimeSpan SlowRequest = TimeSpan.FromSeconds(5);

    // Refusals and failures of the pipeline are the security category's; slow answers the performance category's.
    readonly ILogger logger = loggers.CreateLogger(LogCategories.Security);
    readonly ILogger performance = loggers.CreateLogger(LogCategories.Performance);

    /// <param name="caller">
    /// Who sends it, when that was established already: a frame on a real-time connection, whose caller was
    /// authenticated when it connected (see <see cref="Swarm.Application.Realtime.ChannelIdentities"/>). Everything
    /// after authentication (rate limit, permission, handler, audit) is the same as for a request.
    /// </param>
    public async Task<ApiResponse> DispatchAsync(ApiRoute route, ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken, SwarmPrincipal? caller = null)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(request);
        var started = time.GetTimestamp();
        using var span = RequestTracing.Start(route, request, isFrame: caller is not null);
        ApiResponse response;
        try
        {
            response = await AuthorizeAndHandleAsync(route, caller is null ? request : request with { Principal = caller }, durable, cancellationToken);
        }
        catch (ApiProblemException problem)
        {
            response = ApiResponse.Problem(problem.Problem);
        }
        catch (AuditUnavailableException)
        {
            response = ApiResponse.Problem(Problems.AuditUnavailable());
        }
        catch (Exception e) when (DependencyFailures.Is(e))
        {
            // Outside the handler: authenticating an API key or a session reads storage too.
            LogDependencyFailure(logger, e, route.Name, request.CorrelationId);
            response = DependencyUnavailable();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away; nothing will read this response.
            response = ApiResponse.Problem(Problems.Unavailable("The request was canceled."));
        }
        catch (Exception e)
        {
            LogUnexpected(logger, e, route.Name, request.CorrelationId);
            response = ApiResponse.Problem(Problems.Unexpected());
        }

        if (response.Body is ProblemDetails details)
        {
            response = response with { Body = details with { Instance = request.Path, CorrelationId = request.CorrelationId } };
        }

        // Every 503 says when to come back, whichever path produced it (a dependency, the audit trail, readiness).
        if (response.Status == 503 && !response.Headers.ContainsKey("Retry-After"))
        {
            response = response.WithHeader("Retry-After", DependencyFailures.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture));
        }

        var elapsed = time.GetElapsedTime(started);
        metrics.Record(route, response.Status, elapsed);
        if (elapsed > SlowRequest)
        {
            LogSlowRequest(performance, route.Name, (long)elapsed.TotalMilliseconds, response.Status, request.CorrelationId);
        }

        RequestTracing.Finish(span, response);
        return response.WithHeader(CorrelationIds.Header, request.CorrelationId);
    }

    async Task<ApiResponse> AuthorizeAndHandleAsync(ApiRoute route, ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        if (route.Permission != Permissions.Anonymous)
        {
            var authentication = request.Principal is { } known
                ? AuthenticationOutcome.Success(known)
                : route.Permission == Permissions.ChannelService
                    ? await channelService.AuthenticateAsync(request, cancellationToken)
                    : await authenticator.AuthenticateAsync(request.Header("Authorization"), request.Header(BearerTokenAuthenticator.ApiKeyHeader), cancellationToken);
            if (authentication.Principal is null && !settings.Security.AuthenticationRequired && !HasCredentials(request))
            {
                // security:authenticationRequired false (development only): a request with no credentials acts as a local admin.
                authentication = AuthenticationOutcome.Success(new SwarmPrincipal("development", ["admin"], roleGrants.For(["admin"])));
            }

            if (authentication.Principal is not { } principal)
            {
                // Failed attempts are limited per client address, so a flood of bad credentials cannot bury the audit
                // trail: past the limit it gets 429s that are not recorded. (Each attempt is still checked first, so a
                // flood of well-formed API keys still costs one table read each.)
                var attempts = rateLimiter.TryAcquire("unauthenticated:" + (request.ClientAddress ?? "unknown"));
                if (!attempts.Allowed)
                {
                    return RateLimited(attempts);
                }

                LogRejected(logger, route.Name, request.CorrelationId, authentication.Failure);
                await RecordRefusalAsync("AuthenticationFailed", request, 401, authentication.Failure);
                return ApiResponse.Problem(Problems.Unauthenticated(authentication.Failure ?? "Credentials are required."))
                    .WithHeader("WWW-Authenticate", "Bearer");
            }

            request = request with { Principal = principal };

            // The real-time service speaks for every connection; each frame it carries is limited as its own caller's.
            var rate = principal.Has(Permissions.ChannelService) ? RateLimitDecision.Allow : rateLimiter.TryAcquire(principal.Subject);
            if (!rate.Allowed)
            {
                await RecordRefusalAsync(route.Name, request, 429, "rate limited");
                return RateLimited(rate);
            }

            if (!route.Admits(principal, request))
            {
                LogForbidden(logger, route.Name, request.CorrelationId, principal.Subject, route.Permission);
                await RecordRefusalAsync(route.Name, request, 403, "needs " + route.Permission);
                return ApiResponse.Problem(Problems.Forbidden(route.Permission));
            }
        }

        var handler = (IApiHandler)services.GetRequiredService(route.Handler);
        ApiResponse response;
        try
        {
            RefuseUnexpectedBody(route, request);
            response = await handler.HandleAsync(request, durable, cancellationToken);
        }
        catch (ApiProblemException problem)
        {
            response = ApiResponse.Problem(problem.Problem);
        }
        catch (Exception e) when (DependencyFailures.Is(e))
        {
            LogDependencyFailure(logger, e, route.Name, request.CorrelationId);
            response = DependencyUnavailable();
        }
        catch (Exception e) when (route.Method != "GET" && e is not OperationCanceledException)
        {
            // A state-changing request that failed unexpectedly may have changed something: record it before the 500.
            await audit.TryAppendAsync(RequestAuditRecords.For(route.Name, request, 500, time.GetUtcNow(), "failed unexpectedly"), CancellationToken.None);
            throw;
        }

        if (route.Method != "GET" && !route.AuditedByHandler && (route.AuditedWhenAccepted || response.Status >= 400))
        {
            // CancellationToken.None: an action that ran must be recorded even if its client has hung up.
            await audit.AppendAsync(RequestAuditRecords.For(route.Name, request, response.Status, time.GetUtcNow(), response.AuditDetail ?? ProblemDetailOf(response)), CancellationToken.None);
        }
        else if (response.Status == 403 && !route.AuditedByHandler)
        {
            // A read the handler refused for this caller (another agent's memory, say) is a refusal like the dispatcher's own.
            await RecordRefusalAsync(route.Name, request, 403, ProblemDetailOf(response));
        }

        return response;
    }

    static ApiResponse DependencyUnavailable() =>
        ApiResponse.Problem(Problems.Unavailable("A storage or durable-runtime call failed; the request may be retried."))
            .WithHeader("Retry-After", DependencyFailures.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture));

    static ApiResponse RateLimited(RateLimitDecision decision) =>
        ApiResponse.Problem(Problems.RateLimited(decision.RetryAfter))
            .WithHeader("Retry-After", ((int)Math.Ceiling(decision.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture));

    /// <summary>For a refused change, the problem's own explanation: it names what was wrong and holds nothing secret.</summary>
    static string? ProblemDetailOf(ApiResponse response) => (response.Body as ProblemDetails)?.Detail;

    static bool HasCredentials(ApiRequest request) =>
        request.Header("Authorization") is not null || request.Header(BearerTokenAuthenticator.ApiKeyHeader) is not null;

    /// <summary>A body sent where none is read is a client error worth naming (a misrouted call), not something to ignore.</summary>
    static void RefuseUnexpectedBody(ApiRoute route, ApiRequest request)
    {
        if (!route.TakesBody && request.DeclaresBody)
        {
            throw new ApiProblemException(Problems.MalformedBody($"{route.Method} /{route.Template} takes no request body."));
        }
    }

    Task<bool> RecordRefusalAsync(string action, ApiRequest request, int status, string? detail) =>
        audit.TryAppendAsync(RequestAuditRecords.For(action, request, status, time.GetUtcNow(), detail), CancellationToken.None);

    [LoggerMessage(EventId = 1401, Level = LogLevel.Error, Message = "Request {Route} failed unexpectedly (correlation {CorrelationId})")]
    static partial void LogUnexpected(ILogger logger, Exception exception, string route, string correlationId);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Error, Message = "Request {Route} met a failing dependency (correlation {CorrelationId})")]
    static partial void LogDependencyFailure(ILogger logger, Exception exception, string route, string correlationId);

    [LoggerMessage(EventId = 1403, Level = LogLevel.Warning, Message = "Request {Route} rejected: not authenticated (correlation {CorrelationId}): {Reason}")]
    static partial void LogRejected(ILogger logger, string route, string correlationId, string? reason);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Request {Route} took {ElapsedMs} ms and answered {Status} (correlation {CorrelationId})")]
    static partial void LogSlowRequest(ILogger logger, string route, long elapsedMs, int status, string correlationId);

    [LoggerMessage(EventId = 1404, Level = LogLevel.Warning, Message = "Request {Route} forbidden for {Subject}: needs {Permission} (correlation {CorrelationId})")]
    static partial void LogForbidden(ILogger logger, string route, string correlationId, string subject, string permission);
}
