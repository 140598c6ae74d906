using System.Net;
using Swarm.Cli.Api;
using Swarm.Cli.Profiles;

namespace Swarm.Cli.Tests;

/// <summary>What goes on the wire with each kind of credential, and the base URLs a user may type.</summary>
public sealed class ConnectionTests
{
    sealed class RecordingHandler : HttpMessageHandler
    {
        public HttpRequestMessage? Last { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Last = request;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"items\": []}") });
        }
    }

    [Fact]
    public async Task A_token_goes_as_a_bearer_and_a_functions_key_beside_it()
    {
        using var handler = new RecordingHandler();
        using var api = new SwarmApi(new Connection(new Uri("https://app.example/"), "tok", null, "fkey", "default"), handler);

        await api.GetAsync("api/v1/tasks", CancellationToken.None);

        Assert.Equal("Bearer tok", handler.Last!.Headers.Authorization!.ToString());
        Assert.Equal("fkey", handler.Last.Headers.GetValues(SwarmApi.FunctionsKeyHeader).Single());
        Assert.Equal(new Uri("https://app.example/api/v1/tasks"), handler.Last.RequestUri);
    }

    [Fact]
    public async Task An_agents_key_goes_in_its_own_header_and_no_bearer()
    {
        using var handler = new RecordingHandler();
        using var api = new SwarmApi(new Connection(new Uri("http://127.0.0.1:5180/"), null, "key-1", null, "agent"), handler);

        await api.GetAsync("api/v1/tasks", CancellationToken.None);

        Assert.Null(handler.Last!.Headers.Authorization);
        Assert.Equal("key-1", handler.Last.Headers.GetValues(Connection.ApiKeyHeader).Single());
        Assert.False(handler.Last.Headers.Contains(SwarmApi.FunctionsKeyHeader));
    }

    [Theory]
    [InlineData("127.0.0.1:5180", "http://127.0.0.1:5180/")]
    [InlineData("https://app.azurewebsites.net/", "https://app.azurewebsites.net/")]
    [InlineData("https://host/prefix", "https://host/prefix/")]
    public void A_typed_base_url_becomes_absolute_and_ends_in_a_slash(string typed, string expected) =>
        Assert.Equal(new Uri(expected), Connection.ParseUrl(typed));

    [Fact]
    public void A_url_that_is_not_http_is_a_usage_error()
    {
        var failure = Assert.Throws<CliFailure>(() => Connection.ParseUrl("ftp://host"));

        Assert.Equal(ExitCodes.Usage, failure.ExitCode);
    }
}
