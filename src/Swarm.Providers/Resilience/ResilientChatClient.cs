using System.Runtime.CompilerServices;
using System.Threading.RateLimiting;
using Microsoft.Extensions.AI;
using Polly;
using Swarm.Workflows.Agents;
using Swarm.Workflows.Models;

namespace Swarm.Providers.Resilience;

/// <summary>
/// One provider route's calls with everything a call gets: a place under the provider's concurrency limit, an attempt
/// timeout, retries and a circuit breaker. Whatever fails comes out as a <see cref="ModelCallFailedException"/>
/// (may pass) or <see cref="ModelCallRejectedException"/> (will not), naming the route and the reason.
/// </summary>
public sealed class ResilientChatClient(
    IChatClient vendor, ProviderRoute route, ResiliencePipeline pipeline, RateLimiter concurrency, TimeSpan attemptTimeout, ProviderHealth health, IReadOnlyCollection<string> secrets)
    : DelegatingChatClient(vendor)
{
    public ProviderRoute Route { get; } = route;

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        // Retries send the messages again, so they are read once.
        var prompt = messages as IList<ChatMessage> ?? [.. messages];
        var routed = ForRoute(options);
        using var place = await TakePlaceAsync(cancellationToken);
        try
        {
            var response = await pipeline.ExecuteAsync(
                async token =>
                {
                    var attempt = ProviderResponseObserver.BeginAttempt();
                    using var deadline = CancellationTokenSource.CreateLinkedTokenSource(token);
                    deadline.CancelAfter(attemptTimeout);
                    try
                    {
                        return await base.GetResponseAsync(prompt, routed, deadline.Token);
                    }
                    catch (Exception e) when (!token.IsCancellationRequested)
                    {
                        throw Fault(e, attempt, deadline);
                    }
                },
                cancellationToken);
            health.RecordSuccess();
            return response;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            throw Failed(e);
        }
    }

    /// <summary>
    /// Retries and the breaker cover a stream until its first chunk arrives; after that the chunks are the caller's, and
    /// a failure mid-stream ends the stream with the same classified error. The attempt timeout applies to the wait for
    /// each chunk, so a stream that stalls is cut off instead of holding its place forever.
    /// </summary>
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var prompt = messages as IList<ChatMessage> ?? [.. messages];
        var routed = ForRoute(options);
        using var place = await TakePlaceAsync(cancellationToken);
        OpenStream opened;
        try
        {
            opened = await pipeline.ExecuteAsync(
                async token =>
                {
                    var attempt = ProviderResponseObserver.BeginAttempt();
                    var deadline = CancellationTokenSource.CreateLinkedTokenSource(token);
                    deadline.CancelAfter(attemptTimeout);
                    var stream = base.GetStreamingResponseAsync(prompt, routed, deadline.Token).GetAsyncEnumerator(deadline.Token);
                    try
                    {
                        var any = await stream.MoveNextAsync();
                        return new OpenStream(stream, any ? stream.Current : null, deadline);
                    }
                    catch (Exception e)
                    {
                        // Whatever ended the attempt, its stream and timer are released before deciding what to report.
                        await stream.DisposeAsync();
                        var fault = token.IsCancellationRequested ? null : Fault(e, attempt, deadline);
                        deadline.Dispose();
                        if (fault is null)
                        {
                            throw;
                        }

                        throw fault;
                    }
                },
                cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            throw Failed(e);
        }

        await using (opened)
        {
            if (opened.First is null)
            {
                health.RecordSuccess();
                yield break;
            }

            yield return opened.First;
            while (await NextAsync(opened, cancellationToken))
            {
                yield return opened.Stream.Current;
            }

            health.RecordSuccess();
        }
    }

    async Task<bool> NextAsync(OpenStream opened, CancellationToken cancellationToken)
    {
        opened.Deadline.CancelAfter(attemptTimeout);
        try
        {
            return await opened.Stream.MoveNextAsync();
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            throw Failed(Classify(e, new ProviderAttempt(), opened.Deadline));
        }
    }

    async Task<RateLimitLease> TakePlaceAsync(CancellationToken cancellationToken)
    {
        var lease = await concurrency.AcquireAsync(1, cancellationToken);
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            var error = new ModelCallFailedException($"{Route}: too many calls already waiting for this provider (providers:{Route.Provider}:queueLimit).");
            health.RecordFailure(error.Message);
            throw error;
        }

        return lease;
    }

    ProviderFaultException Classify(Exception error, ProviderAttempt attempt, CancellationTokenSource deadline) =>
        error is OperationCanceledException && deadline.IsCancellationRequested
            ? ProviderFaultException.TimedOut(Route, attemptTimeout)
            : ProviderFaultException.From(Route, error, attempt, secrets);

    /// <summary>A failed attempt, classified and remembered as the route's last cause (see <see cref="ProviderHealth.LastFault"/>).</summary>
    ProviderFaultException Fault(Exception error, ProviderAttempt attempt, CancellationTokenSource deadline)
    {
        var fault = Classify(error, attempt, deadline);
        health.RecordFault(fault);
        return fault;
    }

    ModelCallFailedException Failed(Exception error)
    {
        var failure = ProviderFaultException.ToCallerError(Route, error, health.LastFault);
        health.RecordFailure(failure.Message);
        return failure;
    }

    /// <summary>The route's model wins over the caller's: on a fallback route the caller's model belongs to another vendor.</summary>
    ChatOptions ForRoute(ChatOptions? options)
    {
        var routed = options?.Clone() ?? new ChatOptions();
        routed.ModelId = Route.Model;
        return routed;
    }

    sealed record OpenStream(IAsyncEnumerator<ChatResponseUpdate> Stream, ChatResponseUpdate? First, CancellationTokenSource Deadline) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Stream.DisposeAsync();
            Deadline.Dispose();
        }
    }
}
