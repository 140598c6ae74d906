using Swarm.Providers.Configuration;

namespace Swarm.Providers.Tests;

public sealed class ProvidersSettingsValidatorTests
{
    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.Empty(ProvidersSettingsValidator.Validate(new ProvidersSettings()));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(100, 64)]
    public void Simulated_tool_settings_at_the_ends_of_their_range_are_valid(int rounds, int callsPerRound)
    {
        var settings = new ProvidersSettings { Simulated = { ToolRounds = rounds, ToolCallsPerRound = callsPerRound } };
        settings.Simulated.Profiles["tools"] = new SimulatedProfile { ToolRounds = rounds, ToolCallsPerRound = callsPerRound };

        Assert.Empty(ProvidersSettingsValidator.Validate(settings));
    }

    [Theory]
    [InlineData(-1, 1, "'providers:simulated:toolRounds' must be between 0 and 100.")]
    [InlineData(101, 1, "'providers:simulated:toolRounds' must be between 0 and 100.")]
    [InlineData(1, 0, "'providers:simulated:toolCallsPerRound' must be between 1 and 64.")]
    [InlineData(1, 65, "'providers:simulated:toolCallsPerRound' must be between 1 and 64.")]
    public void Simulated_tool_settings_out_of_range_are_refused_by_name(int rounds, int callsPerRound, string expected)
    {
        var settings = new ProvidersSettings { Simulated = { ToolRounds = rounds, ToolCallsPerRound = callsPerRound } };

        Assert.Equal([expected], ProvidersSettingsValidator.Validate(settings));
    }

    [Theory]
    [InlineData(-1, 1, "'providers:simulated:profiles:busy:toolRounds' must be between 0 and 100.")]
    [InlineData(1, 0, "'providers:simulated:profiles:busy:toolCallsPerRound' must be between 1 and 64.")]
    public void A_profile_s_tool_settings_out_of_range_are_refused_by_name(int rounds, int callsPerRound, string expected)
    {
        var settings = new ProvidersSettings();
        settings.Simulated.Profiles["busy"] = new SimulatedProfile { ToolRounds = rounds, ToolCallsPerRound = callsPerRound };

        Assert.Equal([expected], ProvidersSettingsValidator.Validate(settings));
    }

    [Fact]
    public void Embeddings_are_off_by_default_and_valid()
    {
        Assert.Empty(ProvidersSettingsValidator.ValidateEmbeddings(new EmbeddingSettings(), new ProvidersSettings()));
    }

    [Fact]
    public void A_configured_provider_that_embeds_is_valid()
    {
        var providers = new ProvidersSettings { OpenAi = { ApiKey = "sk-test" } };

        Assert.Empty(ProvidersSettingsValidator.ValidateEmbeddings(new EmbeddingSettings { Provider = "openai", Model = "text-embedding-3-small" }, providers));
    }

    [Fact]
    public void The_built_in_model_needs_no_provider_block_and_no_model_name()
    {
        Assert.Empty(ProvidersSettingsValidator.ValidateEmbeddings(new EmbeddingSettings { Provider = "minilm" }, new ProvidersSettings()));
        Assert.Empty(ProvidersSettingsValidator.ValidateEmbeddings(new EmbeddingSettings { Provider = "minilm", Model = "all-MiniLM-L6-v2", Dimensions = 384 }, new ProvidersSettings()));
    }

    [Theory]
    [InlineData("text-embedding-3-small", 256, "'learning:embeddings:model' is 'text-embedding-3-small', but provider 'minilm' runs only all-MiniLM-L6-v2; name that model or leave it empty.")]
    [InlineData("", 512, "'learning:embeddings:dimensions' is 512, but all-MiniLM-L6-v2 makes vectors of 384; use at most that.")]
    public void The_built_in_model_refuses_another_model_or_longer_vectors(string model, int dimensions, string expected)
    {
        var errors = ProvidersSettingsValidator.ValidateEmbeddings(new EmbeddingSettings { Provider = "minilm", Model = model, Dimensions = dimensions }, new ProvidersSettings());

        Assert.Equal([expected], errors);
    }

    [Fact]
    public void Claude_cannot_embed()
    {
        var providers = new ProvidersSettings { Claude = { ApiKey = "sk-ant-test" } };

        var errors = ProvidersSettingsValidator.ValidateEmbeddings(new EmbeddingSettings { Provider = "claude", Model = "claude-sonnet-4-5" }, providers);

        Assert.Equal(["'learning:embeddings:provider' is 'claude', which cannot embed (its API has no embeddings); use one of openai, qwen, custom, local, minilm, or leave it empty."], errors);
    }

    [Fact]
    public void The_simulated_provider_cannot_embed()
    {
        var errors = ProvidersSettingsValidator.ValidateEmbeddings(new EmbeddingSettings { Provider = "simulated", Model = "simulated-1" }, new ProvidersSettings());

        Assert.Contains("which cannot embed", Assert.Single(errors), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unconfigured_provider_cannot_embed_and_its_missing_key_is_named()
    {
        var errors = ProvidersSettingsValidator.ValidateEmbeddings(new EmbeddingSettings { Provider = "openai", Model = "text-embedding-3-small" }, new ProvidersSettings());

        Assert.StartsWith("'learning:embeddings:provider' 'openai' cannot be called: Provider 'openai' has no API key: set the environment variable OPENAI_API_KEY", Assert.Single(errors), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gemini", "", 256, "'learning:embeddings:provider' is 'gemini', which is not a provider type; these embed: openai, qwen, custom, local, minilm.")]
    [InlineData("local", "", 256, "'learning:embeddings:model' must name the embedding model")]
    [InlineData("local", "nomic-embed-text", 63, "'learning:embeddings:dimensions' must be between 64 and 1024.")]
    [InlineData("", "", 1025, "'learning:embeddings:dimensions' must be between 64 and 1024.")]
    public void Embedding_settings_out_of_rule_are_refused_by_name(string provider, string model, int dimensions, string expected)
    {
        var errors = ProvidersSettingsValidator.ValidateEmbeddings(new EmbeddingSettings { Provider = provider, Model = model, Dimensions = dimensions }, new ProvidersSettings());

        Assert.Contains(errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(64)]
    [InlineData(1024)]
    public void Dimensions_at_the_ends_of_their_range_are_valid(int dimensions)
    {
        Assert.Empty(ProvidersSettingsValidator.ValidateEmbeddings(new EmbeddingSettings { Provider = "local", Model = "nomic-embed-text", Dimensions = dimensions }, new ProvidersSettings()));
    }
}
