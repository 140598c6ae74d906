namespace Swarm.Providers.Configuration;

/// <summary>Range and shape checks of the <c>providers</c> section; each error names its key.</summary>
public static class ProvidersSettingsValidator
{
    /// <summary>Enough rounds to exercise any agent loop's own round limit; more only makes a benchmark slow by accident.</summary>
    public const int MaxSimulatedToolRounds = 100;

    /// <summary>As many calls at once as a model plausibly asks for; 0 would be a round with nothing in it (use toolRounds 0).</summary>
    public const int MaxSimulatedToolCallsPerRound = 64;

    public static IReadOnlyList<string> Validate(ProvidersSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errors = new List<string>();
        void Check(bool ok, string key, string rule)
        {
            if (!ok)
            {
                errors.Add($"'providers:{key}' {rule}");
            }
        }

        Check(settings.CallTimeoutSeconds is >= 1 and <= 540, "callTimeoutSeconds", "must be between 1 and 540 (under the Functions timeout).");
        foreach (var type in ProviderTypes.All)
        {
            var block = settings.For(type)!;
            Check(block.MaxConcurrency is >= 1 and <= 10_000, $"{type}:maxConcurrency", "must be between 1 and 10000.");
            Check(block.QueueLimit is >= 0 and <= 100_000, $"{type}:queueLimit", "must be between 0 and 100000.");
            Check(block.AttemptTimeoutSeconds is >= 1 and <= 540, $"{type}:attemptTimeoutSeconds", "must be between 1 and 540.");
            Check(block.MaxRetries is >= 0 and <= 10, $"{type}:maxRetries", "must be between 0 and 10.");
            Check(block.RetryDelayMs is >= 1 and <= 60_000, $"{type}:retryDelayMs", "must be between 1 and 60000.");
            Check(block.MaxRetryAfterSeconds is >= 0 and <= 300, $"{type}:maxRetryAfterSeconds", "must be between 0 and 300.");
            Check(block.Breaker.FailureRatio is > 0 and <= 1, $"{type}:breaker:failureRatio", "must be in (0, 1].");
            Check(block.Breaker.MinimumThroughput >= 2, $"{type}:breaker:minimumThroughput", "must be at least 2.");
            Check(block.Breaker.SamplingSeconds is >= 1 and <= 3_600, $"{type}:breaker:samplingSeconds", "must be between 1 and 3600.");
            Check(block.Breaker.BreakSeconds is >= 0.5 and <= 86_400, $"{type}:breaker:breakSeconds", "must be between 0.5 and 86400.");
            foreach (var entry in block.Fallback)
            {
                var route = ProviderRoute.Parse(entry);
                Check(route is not null && ProviderTypes.All.Contains(route.Provider), $"{type}:fallback", $"has '{entry}', which is not 'type:model' with a type among {string.Join(", ", ProviderTypes.All)}.");
            }

            foreach (var (model, price) in block.Prices)
            {
                Check(price.InputPerMillionTokens >= 0 && price.OutputPerMillionTokens >= 0, $"{type}:prices:{model}", "must not be negative.");
            }

            if (block is VendorProviderSettings { BaseUrl: { Length: > 0 } url })
            {
                Check(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https", $"{type}:baseUrl", "must be an absolute http or https URL.");
            }
        }

        Check(settings.Local.Api is LocalProviderSettings.OllamaApi or LocalProviderSettings.OpenAiApi, "local:api", "must be 'ollama' or 'openai'.");
        Check(settings.Qwen.Region is "international" or "china", "qwen:region", "must be 'international' or 'china' (or set providers:qwen:baseUrl).");
        var simulated = settings.Simulated;
        Check(simulated.LatencyMs is >= 0 and <= 600_000, "simulated:latencyMs", "must be between 0 and 600000.");
        Check(simulated.LatencyJitterMs is >= 0 and <= 600_000, "simulated:latencyJitterMs", "must be between 0 and 600000.");
        Check(simulated.FailureRate is >= 0 and <= 1, "simulated:failureRate", "must be between 0 and 1.");
        Check(simulated.Accuracy is >= 0 and <= 1, "simulated:accuracy", "must be between 0 and 1.");
        Check(simulated.ToolRounds is >= 0 and <= MaxSimulatedToolRounds, "simulated:toolRounds", $"must be between 0 and {MaxSimulatedToolRounds}.");
        Check(simulated.ToolCallsPerRound is >= 1 and <= MaxSimulatedToolCallsPerRound, "simulated:toolCallsPerRound", $"must be between 1 and {MaxSimulatedToolCallsPerRound}.");
        foreach (var (name, profile) in simulated.Profiles)
        {
            Check(profile.ToolRounds is >= 0 and <= MaxSimulatedToolRounds, $"simulated:profiles:{name}:toolRounds", $"must be between 0 and {MaxSimulatedToolRounds}.");
            Check(profile.ToolCallsPerRound is >= 1 and <= MaxSimulatedToolCallsPerRound, $"simulated:profiles:{name}:toolCallsPerRound", $"must be between 1 and {MaxSimulatedToolCallsPerRound}.");
            Check(profile.LatencyMs is >= 0 and <= 600_000 && profile.LatencyJitterMs is >= 0 and <= 600_000, $"simulated:profiles:{name}", "has a latency outside 0 to 600000 ms.");
            Check(profile.FailureRate is >= 0 and <= 1 && profile.Accuracy is >= 0 and <= 1 && profile.CapabilityAccuracy.Values.All(a => a is >= 0 and <= 1),
                $"simulated:profiles:{name}", "has a rate outside 0 to 1.");
        }

        return errors;
    }

    /// <summary>
    /// Checks <c>learning:embeddings</c> against the providers, which know which vendors embed: the provider must be one
    /// whose API embeds and must be configured (key, base URL), a model must be named, and the dimensions in range; the
    /// built-in model needs no provider block, runs one model and makes 384 components.
    /// </summary>
    public static IReadOnlyList<string> ValidateEmbeddings(EmbeddingSettings embeddings, ProvidersSettings providers)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        ArgumentNullException.ThrowIfNull(providers);
        var errors = new List<string>();
        var able = string.Join(", ", Embeddings.EmbeddingProviders.All);
        if (embeddings.Enabled && Embeddings.EmbeddingProviders.IsBuiltIn(embeddings.Provider))
        {
            if (!string.IsNullOrWhiteSpace(embeddings.Model) && !string.Equals(embeddings.Model, Embeddings.MiniLmEmbeddingGenerator.ModelName, StringComparison.Ordinal))
            {
                errors.Add($"'learning:embeddings:model' is '{embeddings.Model}', but provider '{embeddings.Provider}' runs only {Embeddings.MiniLmEmbeddingGenerator.ModelName}; name that model or leave it empty.");
            }

            if (embeddings.Dimensions > Embeddings.MiniLmEmbeddingGenerator.NativeDimensions)
            {
                errors.Add($"'learning:embeddings:dimensions' is {embeddings.Dimensions}, but {Embeddings.MiniLmEmbeddingGenerator.ModelName} makes vectors of {Embeddings.MiniLmEmbeddingGenerator.NativeDimensions}; use at most that.");
            }
        }
        else if (embeddings.Enabled)
        {
            var block = providers.For(embeddings.Provider);
            if (block is null)
            {
                errors.Add($"'learning:embeddings:provider' is '{embeddings.Provider}', which is not a provider type; these embed: {able}.");
            }
            else if (!Embeddings.EmbeddingProviders.CanEmbed(embeddings.Provider))
            {
                errors.Add($"'learning:embeddings:provider' is '{embeddings.Provider}', which cannot embed (its API has no embeddings); use one of {able}, or leave it empty.");
            }
            else if (Vendors.ProviderReadiness.ProblemOf(embeddings.Provider, block) is { } problem)
            {
                errors.Add($"'learning:embeddings:provider' '{embeddings.Provider}' cannot be called: {problem}");
            }

            if (string.IsNullOrWhiteSpace(embeddings.Model))
            {
                errors.Add("'learning:embeddings:model' must name the embedding model (e.g. text-embedding-3-small) when 'learning:embeddings:provider' is set.");
            }
        }

        if (embeddings.Dimensions is < EmbeddingSettings.MinDimensions or > EmbeddingSettings.MaxDimensions)
        {
            errors.Add($"'learning:embeddings:dimensions' must be between {EmbeddingSettings.MinDimensions} and {EmbeddingSettings.MaxDimensions}.");
        }

        return errors;
    }
}
