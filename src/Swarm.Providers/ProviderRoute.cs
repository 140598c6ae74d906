namespace Swarm.Providers;

/// <summary>A provider type and one of its models: the unit that gets its own circuit breaker, health and prices.</summary>
public sealed record ProviderRoute(string Provider, string Model)
{
    /// <summary>Reads <c>type:model</c>, as written in a fallback list; the model may itself contain colons (<c>local:llama3.2:3b</c>).</summary>
    public static ProviderRoute? Parse(string text)
    {
        var separator = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        return separator > 0 && separator < text!.Length - 1 ? new ProviderRoute(text[..separator], text[(separator + 1)..]) : null;
    }

    public override string ToString() => $"{Provider}:{Model}";
}
