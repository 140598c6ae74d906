using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.Extensions.AI;
using Swarm.Providers.Configuration;
using Swarm.Providers.Embeddings;
using Swarm.Providers.Tests.Fakes;
using Swarm.Workflows.Models;

namespace Swarm.Providers.Tests;

/// <summary>Embeddings through each vendor's real SDK (Microsoft.Extensions.AI), against a server speaking its wire format.</summary>
public sealed class EmbeddingTests : IAsyncLifetime
{
    const string Text = "Index the orders table by customer and date";

    FakeVendorServer server = null!;

    public async Task InitializeAsync() => server = await FakeVendorServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task OpenAI_embeddings_are_requested_with_dimensions()
    {
        using var source = Source("openai", "text-embedding-3-small", dimensions: 256);

        Assert.True(source.TryGet(out var generator, out var model));
        var embedding = await generator.GenerateVectorAsync(Text);

        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/embeddings", request.Path);
        Assert.Equal("Bearer " + ProviderStack.OpenAiKey, request.Headers["authorization"]);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(256, body.RootElement.GetProperty("dimensions").GetInt32());
        Assert.Equal("text-embedding-3-small", body.RootElement.GetProperty("model").GetString());
        Assert.Equal("openai:text-embedding-3-small", model);
        Assert.Equal(FakeEmbeddings.VectorOf(Text, 256), embedding.ToArray());
    }

    [Fact]
    public async Task Ollama_embeddings_are_requested_with_dimensions()
    {
        using var source = Source("local", "nomic-embed-text", dimensions: 128);

        Assert.True(source.TryGet(out var generator, out var model));
        var embedding = await generator.GenerateVectorAsync(Text);

        var request = Assert.Single(server.Requests);
        Assert.Equal("/api/embed", request.Path);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(128, body.RootElement.GetProperty("dimensions").GetInt32());
        Assert.Equal("nomic-embed-text", body.RootElement.GetProperty("model").GetString());
        Assert.Equal("local:nomic-embed-text", model);
        Assert.Equal(FakeEmbeddings.VectorOf(Text, 128), embedding.ToArray());
    }

    [Theory]
    [InlineData("qwen", "/compatible-mode/v1/embeddings")]
    [InlineData("custom", "/gateway/v1/embeddings")]
    public async Task OpenAI_compatible_providers_embed_at_their_own_base_url(string provider, string path)
    {
        using var source = Source(provider, "text-embedding-v4", dimensions: 64);

        Assert.True(source.TryGet(out var generator, out _));
        var embedding = await generator.GenerateVectorAsync(Text);

        Assert.Equal(path, Assert.Single(server.Requests).Path);
        Assert.Equal(64, embedding.Length);
    }

    [Fact]
    public async Task The_activity_stores_the_vector_quantized_with_its_model()
    {
        using var source = Source("openai", "text-embedding-3-small", dimensions: 256);
        var activity = new EmbedTextActivity(source);

        var stored = await activity.RunAsync(new StubActivityContext(), new TextToEmbed(Text));
        var related = await activity.RunAsync(new StubActivityContext(), new TextToEmbed("Index the orders table by date"));
        var unrelated = await activity.RunAsync(new StubActivityContext(), new TextToEmbed("Translate this poem into French"));

        Assert.Equal("openai:text-embedding-3-small", stored!.Model);
        Assert.Equal(256, stored.Dimensions);
        Assert.True(stored.CosineWith(related!) > stored.CosineWith(unrelated!) + 0.3);
    }

    [Fact]
    public async Task The_built_in_model_embeds_by_meaning_in_process()
    {
        using var source = Source("minilm", "", dimensions: 256);
        var activity = new EmbedTextActivity(source);

        var query = await activity.RunAsync(new StubActivityContext(), new TextToEmbed("Write a SQL query that joins the orders and customers tables"));
        // The same kind of work in other words, and another kind altogether.
        var sameKind = await activity.RunAsync(new StubActivityContext(), new TextToEmbed("Add a column to the users table in the database"));
        var otherKind = await activity.RunAsync(new StubActivityContext(), new TextToEmbed("Summarise the tenant's rights under this lease agreement"));

        Assert.True(source.TryGet(out _, out var model));
        Assert.Equal("minilm:all-MiniLM-L6-v2", model);
        Assert.Equal(model, query!.Model);
        Assert.Equal(256, query.Dimensions);
        // all-MiniLM-L6-v2's cosines are modest (unrelated English sentences score about 0 to 0.2); measured 0.29 against 0.18.
        Assert.True(query.CosineWith(sameKind!) > query.CosineWith(otherKind!) + 0.05, $"same kind {query.CosineWith(sameKind!)}, other kind {query.CosineWith(otherKind!)}");
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task The_built_in_model_gives_one_text_the_same_vector_every_time()
    {
        using var generator = new MiniLmEmbeddingGenerator();

        var both = await generator.GenerateAsync([Text, Text]);
        var again = await generator.GenerateVectorAsync(Text);

        Assert.Equal(MiniLmEmbeddingGenerator.NativeDimensions, again.Length);
        Assert.Equal(both[0].Vector.ToArray(), both[1].Vector.ToArray());
        Assert.Equal(both[0].Vector.ToArray(), again.ToArray());
        Assert.Equal(MiniLmEmbeddingGenerator.ModelName, both[0].ModelId);
    }

    [Fact]
    public async Task The_built_in_model_answers_callers_at_once_as_it_answers_one()
    {
        using var generator = new MiniLmEmbeddingGenerator();
        string[] texts = [Text, "Translate this poem into French", "Summarise the tenant's rights under this lease agreement", "Plan a data migration"];
        var alone = new List<float[]>();
        foreach (var text in texts)
        {
            alone.Add((await generator.GenerateVectorAsync(text)).ToArray());
        }

        // Activities on several worker threads share one generator.
        var together = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() => generator.GenerateVectorAsync(texts[i % texts.Length]))));

        for (var i = 0; i < together.Length; i++)
        {
            Assert.Equal(alone[i % texts.Length], together[i].ToArray());
        }
    }

    [Fact]
    public async Task With_no_embedding_provider_the_activity_returns_nothing_and_calls_no_one()
    {
        using var source = new ConfiguredEmbeddingSource(ProviderStack.Settings(server), new EmbeddingSettings());

        var stored = await new EmbedTextActivity(source).RunAsync(new StubActivityContext(), new TextToEmbed(Text));

        Assert.False(source.TryGet(out _, out _));
        Assert.Null(stored);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_longer_vector_than_asked_for_is_cut_and_renormalised()
    {
        using var limited = new DimensionLimitedEmbeddingGenerator(new FixedLengthGenerator(length: 8), dimensions: 4);

        var embedding = await limited.GenerateVectorAsync("anything");

        Assert.Equal(4, embedding.Length);
        Assert.Equal(1, Math.Sqrt(embedding.ToArray().Sum(v => v * (double)v)), 5);
        Assert.Equal(4, FixedLengthGenerator.AskedDimensions);
    }

    ConfiguredEmbeddingSource Source(string provider, string model, int dimensions) =>
        new(ProviderStack.Settings(server), new EmbeddingSettings { Provider = provider, Model = model, Dimensions = dimensions });

    /// <summary>A model that ignores the dimensions asked for and always answers <c>length</c> equal components.</summary>
    sealed class FixedLengthGenerator(int length) : IEmbeddingGenerator<string, Embedding<float>>
    {
        public static int? AskedDimensions { get; private set; }

        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            AskedDimensions = options?.Dimensions;
            return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(values.Select(_ => new Embedding<float>(Enumerable.Repeat(1f, length).ToArray()))));
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }

    /// <summary>The activity reads nothing from its context; the Durable runtime's own is not constructible outside a worker.</summary>
    sealed class StubActivityContext : TaskActivityContext
    {
        public override TaskName Name => nameof(EmbedTextActivity);

        public override string InstanceId => "embedding-test";
    }
}
