using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Swarm.Runtime.Security;

namespace Swarm.Runtime.Http;

/// <summary>
/// The one pipeline every request goes through in both hosts: authenticate, authorize against the route's
/// declared permission, run the handler, and turn every failure into problem details. Nothing reaches a
/// handler without the permission; no exception text reaches a client.
/// </summary>
public sealed partial class ApiDispatcher(IServiceProvider services, BearerTokenAuthenticator authenticator, ILogger<ApiDispatcher> logger)
{
    public async Task<ApiResponse> DispatchAsync(ApiRoute route, ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(request);
        ApiResponse response;
        try
        {
            response = await AuthorizeAndHandleAsync(route, request, durable, cancellationToken);
        }
        catch (ApiProblemException problem)
        {
            response = ApiResponse.Problem(problem.Problem);
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

        return response.WithHeader(CorrelationIds.Header, request.CorrelationId);
    }

    async Task<ApiResponse> AuthorizeAndHandleAsync(ApiRoute route, ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        if (route.Permission != Permissions.Anonymous)
        {
            var authentication = await authenticator.AuthenticateAsync(
                request.Header("Authorization"), request.Header(BearerTokenAuthenticator.ApiKeyHeader), cancellationToken);
            if (authentication.Principal is not { } principal)
            {
                LogRejected(logger, route.Name, request.CorrelationId, authentication.Failure);
                return ApiResponse.Problem(Problems.Unauthenticated(authentication.Failure ?? "A bearer token is required."))
                    .WithHeader("WWW-Authenticate", "Bearer");
            }

            if (!principal.Has(route.Permission))
            {
                LogForbidden(logger, route.Name, request.CorrelationId, principal.Subject, route.Permission);
                return ApiResponse.Problem(Problems.Forbidden(route.Permission));
            }

            request = request with { Principal = principal };
        }

        var handler = (IApiHandler)services.GetRequiredService(route.Handler);
        return await handler.HandleAsync(request, durable, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Request {Route} failed unexpectedly (correlation {CorrelationId})")]
    static partial void LogUnexpected(ILogger logger, Exception exception, string route, string correlationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {Route} rejected: not authenticated (correlation {CorrelationId}): {Reason}")]
    static partial void LogRejected(ILogger logger, string route, string correlationId, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {Route} forbidden for {Subject}: needs {Permission} (correlation {CorrelationId})")]
    static partial void LogForbidden(ILogger logger, string route, string correlationId, string subject, string permission);
}
