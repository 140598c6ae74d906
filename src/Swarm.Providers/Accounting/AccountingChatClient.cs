using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Swarm.Providers.Configuration;
using Swarm.Providers.Resilience;
using Swarm.Workflows.Agents;
using Swarm.Workflows.Models;

namespace Swarm.Providers.Accounting;

/// <summary>
/// Counts what a route's calls used and cost, into the metrics and onto the response itself
/// (<see cref="ModelCallReceipt"/>), so the task and the agent are charged for the route that really answered.
/// </summary>
public sealed class AccountingChatClient(IChatClient inner, ProviderRoute route, ModelPrice? price, ProviderMetrics metrics, ProviderHealth health)
    : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        ChatResponse response;
        try
        {
            response = await base.GetResponseAsync(messages, options, cancellationToken);
        }
        catch
        {
            metrics.RecordFailure(route, clock.Elapsed.TotalMilliseconds);
            throw;
        }

        response.ModelId ??= route.Model;
        response.AdditionalProperties = Stamp(response.AdditionalProperties, response.Usage, clock.Elapsed);
        return response;
    }

    /// <summary>
    /// The accounting arrives as one last update with no content, once the stream has ended: who answered and the cost,
    /// in its additional properties. The tokens (the stream's own usage updates, counted here) are not repeated, and the
    /// model is named only if the vendor did not, so the streamed response joins up to the one an unstreamed call gives.
    /// </summary>
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var usage = new UsageDetails();
        string? vendorModel = null;
        var failed = true;
        try
        {
            await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken))
            {
                foreach (var content in update.Contents.OfType<UsageContent>())
                {
                    usage.Add(content.Details);
                }

                vendorModel ??= update.ModelId;
                yield return update;
            }

            failed = false;
        }
        finally
        {
            if (failed)
            {
                metrics.RecordFailure(route, clock.Elapsed.TotalMilliseconds);
            }
        }

        yield return new ChatResponseUpdate
        {
            ModelId = vendorModel is null ? route.Model : null,
            AdditionalProperties = Stamp(null, usage, clock.Elapsed),
        };
    }

    AdditionalPropertiesDictionary Stamp(AdditionalPropertiesDictionary? properties, UsageDetails? usage, TimeSpan elapsed)
    {
        var input = usage?.InputTokenCount ?? 0;
        var output = usage?.OutputTokenCount ?? 0;
        var cost = price?.CostOf(input, output);
        metrics.RecordSuccess(route, input, output, cost, elapsed.TotalMilliseconds);
        health.RecordUsage(input, output, cost ?? 0);

        return new ModelCallReceipt(route.Provider, route.Provider == ProviderTypes.Simulated, cost).StampOn(properties);
    }
}
