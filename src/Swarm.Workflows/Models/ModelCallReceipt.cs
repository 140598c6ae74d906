using Microsoft.Extensions.AI;

namespace Swarm.Workflows.Models;

/// <summary>
/// Who answered a model call and what it cost, stamped on the <see cref="ChatResponse"/> by the provider stack
/// (accounting per route, then the fallback chain), so an activity can read it without knowing the stack.
/// </summary>
/// <param name="Provider">The provider type that answered (after any fallback).</param>
/// <param name="Simulated">True when the simulated provider answered.</param>
/// <param name="CostUsd">The answer's cost in US dollars, when the model has a price.</param>
/// <param name="FallbackFrom">The routes that failed before the one that answered, each with its reason.</param>
public sealed record ModelCallReceipt(string Provider, bool Simulated, decimal? CostUsd = null, IReadOnlyList<string>? FallbackFrom = null)
{
    // One entry of M.E.AI's extension bag, holding this record; nothing else reads or writes the key.
    const string Key = "swarm.receipt";

    /// <summary>The receipt stamped on a response, or null when no accounting layer answered it.</summary>
    public static ModelCallReceipt? Of(ChatResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return Of(response.AdditionalProperties);
    }

    /// <summary>The receipt in a response's (or a streamed update's) additional properties, if any.</summary>
    public static ModelCallReceipt? Of(AdditionalPropertiesDictionary? properties) => properties?.GetValueOrDefault(Key) as ModelCallReceipt;

    /// <summary>Stamps this receipt on the properties (made if null), replacing any earlier one; returns them.</summary>
    public AdditionalPropertiesDictionary StampOn(AdditionalPropertiesDictionary? properties)
    {
        properties ??= [];
        properties[Key] = this;
        return properties;
    }
}
