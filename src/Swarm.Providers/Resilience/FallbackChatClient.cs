using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Swarm.Domain.Time;
using Swarm.Workflows.Agents;
using Swarm.Workflows.Models;

namespace Swarm.Providers.Resilience;

/// <summary>
/// Tries a provider's routes in order (its own, then its configured fallbacks) until one answers. The answer names the
/// routes that failed before it (<see cref="ModelCallReceipt.FallbackFrom"/>); when all fail, the error lists
/// every route's reason, and counts as rejected only if every route rejected the call. Each route gets an equal share
/// of what is left of <paramref name="callBudget"/>, so a route that hangs through all its retries cannot use up the
/// whole call before the fallback is tried.
/// </summary>
public sealed class FallbackChatClient(IReadOnlyList<(ProviderRoute Route, IChatClient Client)> routes, TimeSpan callBudget, TimeProvider time) : IChatClient
{
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var prompt = messages as IList<ChatMessage> ?? [.. messages];
        var failures = new List<(ProviderRoute Route, Exception Error)>();
        var ends = time.GetUtcNow() + callBudget;
        for (var i = 0; i < routes.Count; i++)
        {
            var (route, client) = routes[i];
            var share = (ends - time.GetUtcNow()) / (routes.Count - i);
            using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            budget.CancelAfter(share > TimeSpan.Zero ? share : TimeSpan.Zero);
            try
            {
                var response = await client.GetResponseAsync(prompt, options, budget.Token);
                if (failures.Count > 0 && ModelCallReceipt.Of(response) is { } receipt)
                {
                    response.AdditionalProperties = (receipt with { FallbackFrom = [.. failures.Select(f => f.Error.Message)] }).StampOn(response.AdditionalProperties);
                }

                return response;
            }
            catch (OperationCanceledException) when (budget.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                failures.Add((route, new ModelCallFailedException($"{route}: no answer within its share of the call ({ReadableDuration.Of(share)} of providers:callTimeoutSeconds).")));
            }
            catch (ModelCallFailedException e) when (!cancellationToken.IsCancellationRequested)
            {
                failures.Add((route, e));
            }
        }

        throw AllFailed(failures);
    }

    /// <summary>
    /// Falls back only until the first chunk: after that the caller has seen one route's words, so a failure ends the
    /// stream (and the attempt) with that route's error. The receipt on the last update names the routes that failed
    /// before, as an unstreamed call's does.
    /// </summary>
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var prompt = messages as IList<ChatMessage> ?? [.. messages];
        var failures = new List<(ProviderRoute Route, Exception Error)>();
        foreach (var (route, client) in routes)
        {
            var stream = client.GetStreamingResponseAsync(prompt, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
            bool any;
            try
            {
                any = await stream.MoveNextAsync();
            }
            catch (ModelCallFailedException e) when (!cancellationToken.IsCancellationRequested)
            {
                await stream.DisposeAsync();
                failures.Add((route, e));
                continue;
            }

            await using (stream)
            {
                if (!any)
                {
                    yield break;
                }

                yield return WithFallbacks(stream.Current, failures);
                while (await stream.MoveNextAsync())
                {
                    yield return WithFallbacks(stream.Current, failures);
                }

                yield break;
            }
        }

        throw AllFailed(failures);
    }

    static ChatResponseUpdate WithFallbacks(ChatResponseUpdate update, List<(ProviderRoute Route, Exception Error)> failures)
    {
        if (failures.Count > 0 && ModelCallReceipt.Of(update.AdditionalProperties) is { } receipt)
        {
            update.AdditionalProperties = (receipt with { FallbackFrom = [.. failures.Select(f => f.Error.Message)] }).StampOn(update.AdditionalProperties);
        }

        return update;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType?.IsInstanceOfType(this) == true ? this : routes[0].Client.GetService(serviceType!, serviceKey);

    public void Dispose()
    {
        // The route clients are shared and owned by the provider catalog.
    }

    static ModelCallFailedException AllFailed(List<(ProviderRoute Route, Exception Error)> failures)
    {
        if (failures.Count == 1)
        {
            return (ModelCallFailedException)failures[0].Error;
        }

        var message = "Every provider route failed: " + string.Join(" | ", failures.Select(f => f.Error.Message));
        var inner = new AggregateException(failures.Select(f => f.Error));
        return failures.All(f => f.Error is ModelCallRejectedException)
            ? new ModelCallRejectedException(message, inner)
            : new ModelCallFailedException(message, inner);
    }
}
